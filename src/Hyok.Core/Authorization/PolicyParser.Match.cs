using System.Text.Json;

namespace Hyok.Authorization;

/// <summary>A rule's <c>match</c>: field name → one pattern or a non-empty list of patterns (string or null).</summary>
internal static partial class PolicyParser
{
    private static List<PolicyCondition> ParseMatch(JsonElement match, string where, List<string> errors)
    {
        var conditions = new List<PolicyCondition>();
        if (match.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{where}match: must be an object mapping field names to patterns.");
            return conditions;
        }

        foreach (var (name, value) in Properties(match, $"{where}match: ", errors))
        {
            if (!PolicyFields.TryParse(name, out var field))
            {
                errors.Add($"{where}match: unknown field \"{name}\" (fields: {string.Join(", ", PolicyFields.Names)}).");
                continue;
            }

            if (ParsePatterns(value, $"{where}match.{name}", errors) is { } patterns)
            {
                CheckOperationPatterns(field, patterns, $"{where}match.{name}", errors);
                conditions.Add(new PolicyCondition(field, patterns));
            }
        }

        return conditions;
    }

    private static List<PolicyPattern>? ParsePatterns(JsonElement value, string where, List<string> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return [new PolicyPattern(value.GetString())];
            case JsonValueKind.Null:
                return [PolicyPattern.Absent];
            case JsonValueKind.Array when value.GetArrayLength() == 0:
                errors.Add($"{where}: the list of patterns is empty (it would never match); remove the field to match any value.");
                return null;
            case JsonValueKind.Array:
                var patterns = new List<PolicyPattern>();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                    {
                        patterns.Add(item.ValueKind == JsonValueKind.Null ? PolicyPattern.Absent : new PolicyPattern(item.GetString()));
                    }
                    else
                    {
                        errors.Add($"{where}[{index}]: must be a pattern string or null (is {item.GetRawText()}).");
                    }

                    index++;
                }

                return patterns.Count == index ? patterns : null;
            default:
                errors.Add($"{where}: must be a pattern string, null, or a non-empty list of them (is {value.GetRawText()}).");
                return null;
        }
    }

    /// <summary>Every request has an XKS operation, and only three can reach a policy: catch "encrypt" or "Sign" at load time.</summary>
    private static void CheckOperationPatterns(PolicyField field, List<PolicyPattern> patterns, string where, List<string> errors)
    {
        if (field != PolicyField.XksOperation)
        {
            return;
        }

        foreach (var pattern in patterns.Where(p => !PolicyFields.XksOperations.Any(p.Matches)))
        {
            errors.Add(pattern.Text is null
                ? $"{where}: null never matches (every request has an XKS operation)."
                : $"{where}: {pattern} matches none of {string.Join(", ", PolicyFields.XksOperations)} (case-sensitive).");
        }
    }
}
