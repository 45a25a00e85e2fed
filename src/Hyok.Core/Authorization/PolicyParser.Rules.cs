using System.Text.Json;

namespace Hyok.Authorization;

/// <summary>The <c>rules</c> list: name, effect and match of each rule.</summary>
internal static partial class PolicyParser
{
    /// <summary>Rule names appear in logs and audit records: keep them short and printable.</summary>
    private const int MaxNameLength = 128;

    private static List<PolicyRule> ParseRules(JsonElement rules, List<string> errors)
    {
        var result = new List<PolicyRule>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in rules.EnumerateArray())
        {
            if (ParseRule(element, index, names, errors) is { } rule)
            {
                result.Add(rule);
            }

            index++;
        }

        return result;
    }

    private static PolicyRule? ParseRule(JsonElement element, int index, Dictionary<string, int> names, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"rules[{index}]: must be an object with \"name\", \"effect\" and \"match\".");
            return null;
        }

        var count = errors.Count;
        var properties = Properties(element, $"rules[{index}]: ", errors);
        var name = ParseName(Get(properties, "name"), index, errors);
        var where = name is null ? $"rules[{index}]: " : $"rules[{index}] \"{name}\": ";
        if (name is not null && !names.TryAdd(name, index))
        {
            errors.Add($"{where}name: \"{name}\" is already the name of rules[{names[name]}].");
        }

        CheckKnown(properties.Keys, where, ["name", "description", "effect", "match"], errors);
        if (properties.TryGetValue("description", out var description) && description.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{where}description: must be a string.");
        }

        var effect = ParseEffect(Get(properties, "effect"), where, errors);
        var conditions = properties.TryGetValue("match", out var match) ? ParseMatch(match, where, errors) : [];
        return errors.Count == count ? new PolicyRule(name!, effect, conditions) : null;
    }

    private static string? ParseName(JsonElement? name, int index, List<string> errors)
    {
        if (name is not { } element)
        {
            errors.Add($"rules[{index}]: name: required (a short unique name, shown in logs and audit records).");
            return null;
        }

        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
        if (text is null || text.Trim().Length == 0 || text.Length > MaxNameLength || text.Any(char.IsControl))
        {
            errors.Add($"rules[{index}]: name: must be a non-empty string of at most {MaxNameLength} printable characters (is {element.GetRawText()}).");
            return null;
        }

        return text;
    }

    private static PolicyEffect ParseEffect(JsonElement? effect, string where, List<string> errors)
    {
        switch (effect)
        {
            case { ValueKind: JsonValueKind.String } element when element.ValueEquals("allow"):
                return PolicyEffect.Allow;
            case { ValueKind: JsonValueKind.String } element when element.ValueEquals("deny"):
                return PolicyEffect.Deny;
            case { } element:
                errors.Add($"{where}effect: must be \"allow\" or \"deny\" (is {element.GetRawText()}).");
                return PolicyEffect.Deny;
            default:
                errors.Add($"{where}effect: required (\"allow\" or \"deny\").");
                return PolicyEffect.Deny;
        }
    }
}
