using System.Text;
using System.Text.Json;

namespace Hyok.Authorization;

/// <summary>
/// Reads a policy file (JSON with comments and trailing commas allowed) into a <see cref="Policy"/>,
/// collecting every problem instead of stopping at the first. The format is described in docs/policy.md.
/// </summary>
internal static partial class PolicyParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    public static PolicyParse Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > PolicyFile.MaxBytes)
        {
            return PolicyParse.Failed($"the policy is {size} bytes; at most {PolicyFile.MaxBytes} bytes (1 MiB) are allowed.");
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            return PolicyParse.Failed("the policy is empty; expected a JSON object with \"version\", \"mode\" and \"rules\".");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? $" at line {n + 1}, position {e.BytePositionInLine + 1}" : "";
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            return PolicyParse.Failed($"invalid JSON{line}: {reason}");
        }

        using (document)
        {
            return ParseRoot(document.RootElement);
        }
    }

    private static PolicyParse ParseRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return PolicyParse.Failed("the policy must be a JSON object with \"version\", \"mode\" and \"rules\".");
        }

        var errors = new List<string>();
        var warnings = new List<string>();
        var properties = Properties(root, "", errors);
        CheckKnown(properties.Keys, "", ["version", "mode", "rules"], errors);
        CheckVersion(Get(properties, "version"), errors);
        var mode = ParseMode(Get(properties, "mode"), errors);
        List<PolicyRule> rules = [];
        if (properties.TryGetValue("rules", out var rulesElement) && rulesElement.ValueKind == JsonValueKind.Array)
        {
            rules = ParseRules(rulesElement, errors);
            if (rules.Count == 0 && rulesElement.GetArrayLength() == 0)
            {
                warnings.Add("the policy has no rules: every request is denied.");
            }
        }
        else
        {
            errors.Add(properties.ContainsKey("rules")
                ? "rules: must be a list of rules."
                : "rules: required (a list of rules; an empty list denies every request).");
        }

        return new PolicyParse(new Policy(mode, rules), errors, warnings);
    }

    private static void CheckVersion(JsonElement? version, List<string> errors)
    {
        if (version is not { } element)
        {
            errors.Add($"version: required (must be {Policy.FormatVersion}).");
        }
        else if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number) || number != Policy.FormatVersion)
        {
            errors.Add($"version: must be {Policy.FormatVersion} (is {element.GetRawText()}).");
        }
    }

    private static PolicyMode ParseMode(JsonElement? mode, List<string> errors)
    {
        switch (mode)
        {
            case null:
                return PolicyMode.Enforce;
            case { ValueKind: JsonValueKind.String } element when element.ValueEquals("enforce"):
                return PolicyMode.Enforce;
            case { ValueKind: JsonValueKind.String } element when element.ValueEquals("dry-run"):
                return PolicyMode.DryRun;
            case { } element:
                errors.Add($"mode: must be \"enforce\" or \"dry-run\" (is {element.GetRawText()}).");
                return PolicyMode.Enforce;
        }
    }

    /// <summary>The members of an object by name; a name given twice is an error (JSON would silently keep one).</summary>
    private static Dictionary<string, JsonElement> Properties(JsonElement element, string where, List<string> errors)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name, property.Value))
            {
                errors.Add($"{where}duplicate key \"{property.Name}\".");
            }
        }

        return properties;
    }

    private static JsonElement? Get(Dictionary<string, JsonElement> properties, string key) =>
        properties.TryGetValue(key, out var value) ? value : null;

    private static void CheckKnown(IEnumerable<string> keys, string where, string[] allowed, List<string> errors)
    {
        foreach (var key in keys.Where(k => !allowed.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add($"{where}unknown key \"{key}\" (allowed: {string.Join(", ", allowed)}).");
        }
    }
}
