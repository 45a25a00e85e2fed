using Hyok.Authorization;

namespace Hyok.Core.Tests.Authorization;

/// <summary>Every class of mistake is reported with the rule and field at fault; all at once.</summary>
public sealed class PolicyParseTests
{
    [Fact]
    public void Parse_IssueExample_WithCommentsAndTrailingCommas()
    {
        var parse = Policy.Parse("""
            { "version": 1, "mode": "enforce",            // or "dry-run"
              "rules": [
                { "name": "no-ebs", "effect": "deny", "match": { "kmsViaService": "ebs" } },
                /* the application's roles */
                { "name": "app", "description": "web tier", "effect": "allow",
                  "match": { "awsPrincipalArn": ["arn:aws:iam::111122223333:role/app-*"], "xksOperation": ["Encrypt", "Decrypt"], } },
              ] }
            """);

        Assert.True(parse.IsValid, string.Join("\n", parse.Errors));
        Assert.Empty(parse.Warnings);
        Assert.Equal(PolicyMode.Enforce, parse.Policy.Mode);
        Assert.Equal(["no-ebs", "app"], parse.Policy.Rules.Select(r => r.Name));
        Assert.Equal([PolicyEffect.Deny, PolicyEffect.Allow], parse.Policy.Rules.Select(r => r.Effect));
        Assert.Equal([PolicyField.AwsPrincipalArn, PolicyField.XksOperation], parse.Policy.Rules[1].Conditions.Select(c => c.Field));
    }

    [Theory]
    [InlineData("""{ "version": 1, "rules": [] }""", PolicyMode.Enforce)]
    [InlineData("""{ "version": 1, "mode": "enforce", "rules": [] }""", PolicyMode.Enforce)]
    [InlineData("""{ "version": 1, "mode": "dry-run", "rules": [] }""", PolicyMode.DryRun)]
    public void Parse_Mode_DefaultsToEnforce(string json, PolicyMode expected)
    {
        var parse = Policy.Parse(json);

        Assert.True(parse.IsValid);
        Assert.Equal(expected, parse.Policy.Mode);
    }

    [Fact]
    public void Parse_EmptyRules_ValidWithDenyAllWarning()
    {
        var parse = Policy.Parse("""{ "version": 1, "rules": [] }""");

        Assert.True(parse.IsValid);
        Assert.Equal(["the policy has no rules: every request is denied."], parse.Warnings);
    }

    [Theory]
    [InlineData("""{ "version": 1, "rules": [], "rule": [] }""", "unknown key \"rule\" (allowed: version, mode, rules).")]
    [InlineData("""{ "rules": [] }""", "version: required (must be 1).")]
    [InlineData("""{ "version": 2, "rules": [] }""", "version: must be 1 (is 2).")]
    [InlineData("""{ "version": "1", "rules": [] }""", "version: must be 1 (is \"1\").")]
    [InlineData("""{ "version": 1, "mode": "audit", "rules": [] }""", "mode: must be \"enforce\" or \"dry-run\" (is \"audit\").")]
    [InlineData("""{ "version": 1 }""", "rules: required (a list of rules; an empty list denies every request).")]
    [InlineData("""{ "version": 1, "rules": {} }""", "rules: must be a list of rules.")]
    [InlineData("""{ "version": 1, "version": 1, "rules": [] }""", "duplicate key \"version\".")]
    [InlineData("""[]""", "the policy must be a JSON object with \"version\", \"mode\" and \"rules\".")]
    [InlineData("""{ "version": 1, "rules": [ "allow" ] }""", "rules[0]: must be an object with \"name\", \"effect\" and \"match\".")]
    [InlineData("""{ "version": 1, "rules": [ { "effect": "allow" } ] }""", "rules[0]: name: required (a short unique name, shown in logs and audit records).")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "", "effect": "allow" } ] }""", "rules[0]: name: must be a non-empty string of at most 128 printable characters (is \"\").")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "  ", "effect": "allow" } ] }""", "rules[0]: name: must be a non-empty string of at most 128 printable characters (is \"  \").")]
    [InlineData("""{ "version": 1, "rules": [ { "name": 7, "effect": "allow" } ] }""", "rules[0]: name: must be a non-empty string of at most 128 printable characters (is 7).")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a\nb", "effect": "allow" } ] }""", "rules[0]: name: must be a non-empty string of at most 128 printable characters (is \"a\\nb\").")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow" }, { "name": "a", "effect": "deny" } ] }""", "rules[1] \"a\": name: \"a\" is already the name of rules[0].")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a" } ] }""", "rules[0] \"a\": effect: required (\"allow\" or \"deny\").")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "Allow" } ] }""", "rules[0] \"a\": effect: must be \"allow\" or \"deny\" (is \"Allow\").")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "when": {} } ] }""", "rules[0] \"a\": unknown key \"when\" (allowed: name, description, effect, match).")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "description": 1 } ] }""", "rules[0] \"a\": description: must be a string.")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": [] } ] }""", "rules[0] \"a\": match: must be an object mapping field names to patterns.")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": { "awsPrincipalARN": "x" } } ] }""",
        "rules[0] \"a\": match: unknown field \"awsPrincipalARN\" (fields: awsPrincipalArn, kmsOperation, kmsKeyArn, kmsViaService, awsSourceVpc, awsSourceVpce, externalKeyId, xksOperation).")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": { "kmsViaService": "x", "kmsViaService": "y" } } ] }""", "rules[0] \"a\": match: duplicate key \"kmsViaService\".")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": { "kmsViaService": [] } } ] }""",
        "rules[0] \"a\": match.kmsViaService: the list of patterns is empty (it would never match); remove the field to match any value.")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": { "kmsViaService": 3 } } ] }""",
        "rules[0] \"a\": match.kmsViaService: must be a pattern string, null, or a non-empty list of them (is 3).")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": { "kmsViaService": ["ebs", true] } } ] }""",
        "rules[0] \"a\": match.kmsViaService[1]: must be a pattern string or null (is true).")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": { "xksOperation": "encrypt" } } ] }""",
        "rules[0] \"a\": match.xksOperation: \"encrypt\" matches none of GetKeyMetadata, Encrypt, Decrypt (case-sensitive).")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": { "xksOperation": "GetHealthStatus" } } ] }""",
        "rules[0] \"a\": match.xksOperation: \"GetHealthStatus\" matches none of GetKeyMetadata, Encrypt, Decrypt (case-sensitive).")]
    [InlineData("""{ "version": 1, "rules": [ { "name": "a", "effect": "allow", "match": { "xksOperation": null } } ] }""",
        "rules[0] \"a\": match.xksOperation: null never matches (every request has an XKS operation).")]
    public void Parse_Mistake_IsOneClearError(string json, string expected)
    {
        var parse = Policy.Parse(json);

        Assert.False(parse.IsValid);
        Assert.Null(parse.Policy);
        Assert.Equal([expected], parse.Errors);
    }

    [Theory]
    [InlineData("{ \"version\": 1,\n  \"rules\": [ }", "invalid JSON at line 2, position 14: '}' is an invalid start of a value.")]
    [InlineData("{ \"version\": 1,\n\n \"rules\": [] ", "invalid JSON at line 3, position 14: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    [InlineData(" \n", "the policy is empty; expected a JSON object with \"version\", \"mode\" and \"rules\".")]
    [InlineData("// nothing yet", "invalid JSON at line 1, position 15: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true.")]
    public void Parse_InvalidJson_NamesTheLine(string json, string expected)
    {
        Assert.Equal(expected, Assert.Single(Policy.Parse(json).Errors));
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEveryOne()
    {
        var parse = Policy.Parse("""
            { "version": 3, "mode": "shadow", "extra": 1, "rules": [
                { "name": "a", "effect": "permit", "match": { "vpc": "x", "awsSourceVpc": [] } },
                { "effect": "deny" },
                { "name": "a", "effect": "deny", "match": { "externalKeyId": 5 } } ] }
            """);

        Assert.Equal(
            [
                "unknown key \"extra\" (allowed: version, mode, rules).",
                "version: must be 1 (is 3).",
                "mode: must be \"enforce\" or \"dry-run\" (is \"shadow\").",
                "rules[0] \"a\": effect: must be \"allow\" or \"deny\" (is \"permit\").",
                "rules[0] \"a\": match: unknown field \"vpc\" (fields: awsPrincipalArn, kmsOperation, kmsKeyArn, kmsViaService, awsSourceVpc, awsSourceVpce, externalKeyId, xksOperation).",
                "rules[0] \"a\": match.awsSourceVpc: the list of patterns is empty (it would never match); remove the field to match any value.",
                "rules[1]: name: required (a short unique name, shown in logs and audit records).",
                "rules[2] \"a\": name: \"a\" is already the name of rules[0].",
                "rules[2] \"a\": match.externalKeyId: must be a pattern string, null, or a non-empty list of them (is 5).",
            ],
            parse.Errors);
    }

    [Fact]
    public void Parse_OverOneMebibyte_Rejected()
    {
        var json = $$"""{ "version": 1, "rules": [], "pad": "{{new string('x', PolicyFile.MaxBytes)}}" }""";

        var error = Assert.Single(Policy.Parse(json).Errors);

        Assert.StartsWith($"the policy is {json.Length} bytes; at most 1048576 bytes (1 MiB) are allowed.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WildcardOperationPattern_AcceptedWhenItMatchesAnOperation()
    {
        var parse = Policy.Parse("""{ "version": 1, "rules": [ { "name": "crypto", "effect": "allow", "match": { "xksOperation": "*crypt" } } ] }""");

        Assert.True(parse.IsValid, string.Join("\n", parse.Errors));
    }
}
