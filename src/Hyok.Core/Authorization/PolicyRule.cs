namespace Hyok.Authorization;

/// <summary>
/// One rule of a policy: it matches a request when every condition matches (a rule without conditions
/// matches every request).
/// </summary>
public sealed class PolicyRule(string name, PolicyEffect effect, IReadOnlyList<PolicyCondition> conditions)
{
    public string Name { get; } = name;

    public PolicyEffect Effect { get; } = effect;

    public IReadOnlyList<PolicyCondition> Conditions { get; } = conditions;

    public bool Matches(RequestFacts facts)
    {
        foreach (var condition in Conditions)
        {
            if (condition.FirstMatch(PolicyFields.ValueOf(facts, condition.Field)) is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Like <see cref="Matches"/>, but looks at every condition and says how each one fared.</summary>
    public PolicyRuleTrace Explain(RequestFacts facts)
    {
        var fields = new List<PolicyFieldTrace>(Conditions.Count);
        foreach (var condition in Conditions)
        {
            var value = PolicyFields.ValueOf(facts, condition.Field);
            fields.Add(new PolicyFieldTrace(condition.Field, value, condition.Patterns, condition.FirstMatch(value)));
        }

        return new PolicyRuleTrace(this, fields.TrueForAll(f => f.Matched), fields);
    }
}
