namespace Hyok.Authorization;

/// <summary>
/// The secondary-authorization policy of one logical key store (xks-spec.md §7.6): ordered allow/deny rules
/// over the request facts. Deny wins: if any deny rule matches, the first matching deny rule (in file order)
/// decides; otherwise the first matching allow rule allows; otherwise the request is denied. Immutable and
/// safe to share between threads. GetHealthStatus is never subject to a policy: the request pipeline does not
/// evaluate one for it, and <see cref="Evaluate"/> does not treat it specially.
/// </summary>
public sealed class Policy(PolicyMode mode, IReadOnlyList<PolicyRule> rules)
{
    /// <summary>The only policy file format version.</summary>
    public const int FormatVersion = 1;

    public PolicyMode Mode { get; } = mode;

    public IReadOnlyList<PolicyRule> Rules { get; } = rules;

    /// <summary>Parses and validates a policy file's text; every problem is reported at once.</summary>
    public static PolicyParse Parse(string json) => PolicyParser.Parse(json);

    public PolicyDecision Evaluate(RequestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        PolicyRule? firstAllow = null;
        foreach (var rule in Rules)
        {
            if (rule.Effect == PolicyEffect.Allow && firstAllow is not null)
            {
                continue;
            }

            if (rule.Matches(facts))
            {
                if (rule.Effect == PolicyEffect.Deny)
                {
                    return Decide(rule);
                }

                firstAllow = rule;
            }
        }

        return Decide(firstAllow);
    }

    /// <summary>Evaluates every rule for <paramref name="facts"/> and reports how each fared, with the decision.</summary>
    public PolicyExplanation Explain(RequestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var traces = Rules.Select(r => r.Explain(facts)).ToList();
        var decider = traces.FirstOrDefault(t => t.Matched && t.Rule.Effect == PolicyEffect.Deny)
            ?? traces.FirstOrDefault(t => t.Matched);
        return new PolicyExplanation(Decide(decider?.Rule), traces);
    }

    private PolicyDecision Decide(PolicyRule? rule) =>
        new(rule?.Effect ?? PolicyEffect.Deny, rule?.Name, Mode == PolicyMode.DryRun);
}
