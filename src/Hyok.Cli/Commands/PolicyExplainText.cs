using System.Text;
using Hyok.Authorization;

namespace Hyok.Cli.Commands;

/// <summary>The human-readable trace of <c>hyok policy explain</c>.</summary>
internal static class PolicyExplainText
{
    public static string Render(Policy policy, RequestFacts facts, PolicyExplanation explanation)
    {
        var decision = explanation.Decision;
        var text = new StringBuilder();
        text.Append("Decision: ").Append(decision.Describe());
        text.AppendLine(decision.DryRun ? " (dry-run: not enforced, the request would be served)" : "");
        text.Append("Mode:     ").AppendLine(PolicyCommand.ModeName(policy.Mode));
        text.AppendLine("Request:");
        foreach (var field in Enum.GetValues<PolicyField>())
        {
            text.Append("  ").Append(PolicyFields.NameOf(field)).Append(": ").AppendLine(Show(PolicyFields.ValueOf(facts, field)));
        }

        text.AppendLine("Rules, in file order (a matching deny rule wins, else the first matching allow rule, else deny):");
        for (var i = 0; i < explanation.Rules.Count; i++)
        {
            var rule = explanation.Rules[i];
            var decides = rule.Rule.Name == decision.RuleName ? "  <- decides" : "";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  [{i}] {rule.Rule.Name} ({PolicyCommand.EffectName(rule.Rule.Effect)}): ")
                .Append(rule.Matched ? "matches" : "does not match").AppendLine(decides);
            if (rule.Fields.Count == 0)
            {
                text.AppendLine("        (no conditions: matches every request)");
            }

            foreach (var field in rule.Fields)
            {
                var outcome = field.MatchedPattern is { } pattern
                    ? $"matches {pattern}"
                    : $"matches none of {string.Join(", ", field.Patterns)}";
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"        {field.FieldName}: {Show(field.Value)} {outcome}");
            }
        }

        if (explanation.Rules.Count == 0)
        {
            text.AppendLine("  (none: every request is denied)");
        }

        return text.ToString();
    }

    private static string Show(string? value) => value is null ? "(absent)" : $"\"{value}\"";
}
