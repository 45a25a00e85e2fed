using System.Text.Json;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok policy check|explain</c>: exit codes 0 (valid/allowed), 1 (invalid file), 2 (usage), 3 (denied).</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private const string Policy = """
        { "version": 1, "mode": "enforce",
          "rules": [
            { "name": "no-ebs", "effect": "deny", "match": { "kmsViaService": "ebs" } },
            { "name": "app", "effect": "allow", "match": { "awsPrincipalArn": ["arn:aws:iam::111122223333:role/app-*"], "xksOperation": ["Encrypt", "Decrypt"] } },
          ] }
        """;

    private const string App = "arn:aws:iam::111122223333:role/app-web";

    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-policy-cli-").FullName;
    private readonly HyokCli _cli;

    public PolicyCommandTests() => _cli = new HyokCli(Path.Combine(_folder, "no-data"));

    [Fact]
    public async Task Check_ValidFile_PrintsOneLineSummary()
    {
        var result = await _cli.RunAsync("policy", "check", Write(Policy));

        CliAssert.Succeeded(result);
        Assert.Equal("valid: 2 rules, mode enforce\n", result.Stdout);
    }

    [Fact]
    public async Task Check_DryRunWithOneRule_SaysSo()
    {
        var result = await _cli.RunAsync("policy", "check", Write("""{ "version": 1, "mode": "dry-run", "rules": [ { "name": "all", "effect": "allow" } ] }"""));

        CliAssert.Succeeded(result);
        Assert.Equal("valid: 1 rule, mode dry-run\n", result.Stdout);
    }

    [Fact]
    public async Task Check_NoRules_ValidWithDenyAllWarning()
    {
        var file = Write("""{ "version": 1, "rules": [] }""");

        var result = await _cli.RunAsync("policy", "check", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("valid: 0 rules, mode enforce\n", result.Stdout);
        Assert.Equal([$"{file}: warning: the policy has no rules: every request is denied."], result.StderrLines);
    }

    [Fact]
    public async Task Check_InvalidFile_ListsEveryErrorAndExits1()
    {
        var file = Write("""{ "version": 1, "rules": [ { "name": "a", "effect": "permit" }, { "name": "a", "effect": "allow", "match": { "vpc": "x" } } ] }""");

        var result = await _cli.RunAsync("policy", "check", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal(
            [
                $"{file}: 3 problem(s):",
                "  - rules[0] \"a\": effect: must be \"allow\" or \"deny\" (is \"permit\").",
                "  - rules[1] \"a\": name: \"a\" is already the name of rules[0].",
                "  - rules[1] \"a\": match: unknown field \"vpc\" (fields: awsPrincipalArn, kmsOperation, kmsKeyArn, kmsViaService, awsSourceVpc, awsSourceVpce, externalKeyId, xksOperation).",
            ],
            result.StderrLines);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task Check_MissingFile_Exits1()
    {
        var file = Path.Combine(_folder, "none.json");

        var result = await _cli.RunAsync("policy", "check", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal([$"{file}: 1 problem(s):", "  - file not found."], result.StderrLines);
    }

    [Fact]
    public async Task Check_NoFileArgument_IsUsageError()
    {
        Assert.Equal(2, (await _cli.RunAsync("policy", "check")).ExitCode);
    }

    [Fact]
    public async Task Explain_DeniedRequest_NamesTheDenyRuleAndExits3()
    {
        var result = await _cli.RunAsync("policy", "explain", Write(Policy), "--operation", "Encrypt", "--principal", App, "--via-service", "ebs", "--key-id", "k1");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Empty(result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("Decision: policy deny rule no-ebs", lines[0]);
        Assert.Contains("  externalKeyId: \"k1\"", lines);
        Assert.Contains("  awsSourceVpc: (absent)", lines);
        Assert.Contains("  [0] no-ebs (deny): matches  <- decides", lines);
        Assert.Contains("        kmsViaService: \"ebs\" matches \"ebs\"", lines);
        Assert.Contains("  [1] app (allow): matches", lines);
    }

    [Fact]
    public async Task Explain_AllowedRequest_Exits0()
    {
        var result = await _cli.RunAsync("policy", "explain", Write(Policy), "--operation", "Decrypt", "--principal", App);

        CliAssert.Succeeded(result);
        Assert.StartsWith("Decision: policy allow rule app\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  [0] no-ebs (deny): does not match\n        kmsViaService: (absent) matches none of \"ebs\"\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_NoRuleMatches_DefaultDenyExits3()
    {
        var result = await _cli.RunAsync("policy", "explain", Write(Policy), "--operation", "GetKeyMetadata", "--principal", App);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith("Decision: policy deny (no rule matched)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("        xksOperation: \"GetKeyMetadata\" matches none of \"Encrypt\", \"Decrypt\"\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_DryRunDeny_SaysNotEnforcedAndExits3()
    {
        var file = Write(Policy.Replace("\"enforce\"", "\"dry-run\"", StringComparison.Ordinal));

        var result = await _cli.RunAsync("policy", "explain", file, "--operation", "Encrypt", "--via-service", "ebs");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith("Decision: dry-run policy deny rule no-ebs (dry-run: not enforced, the request would be served)\nMode:     dry-run\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_Json_CarriesDecisionRequestAndTrace()
    {
        var result = await _cli.RunAsync("policy", "explain", Write(Policy), "--operation", "Encrypt", "--principal", App, "--vpc", "vpc-1", "--json");

        CliAssert.Succeeded(result);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(("allow", "app", "enforce", false), (root.GetProperty("decision").GetString(), root.GetProperty("rule").GetString(),
            root.GetProperty("mode").GetString(), root.GetProperty("blocks").GetBoolean()));
        Assert.Equal("vpc-1", root.GetProperty("request").GetProperty("awsSourceVpc").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("request").GetProperty("kmsViaService").ValueKind);
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal([("no-ebs", false), ("app", true)], rules.Select(r => (r.GetProperty("name").GetString(), r.GetProperty("matched").GetBoolean())));
        var principal = rules[1].GetProperty("fields")[0];
        Assert.Equal(("awsPrincipalArn", App, "arn:aws:iam::111122223333:role/app-*"),
            (principal.GetProperty("field").GetString(), principal.GetProperty("value").GetString(), principal.GetProperty("matchedPattern").GetString()));
    }

    [Fact]
    public async Task Explain_InvalidFile_Exits1WithTheErrors()
    {
        var file = Write("""{ "version": 1, "rules": [ { "name": "a" } ] }""");

        var result = await _cli.RunAsync("policy", "explain", file, "--operation", "Encrypt");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Equal([$"{file}: 1 problem(s):", "  - rules[0] \"a\": effect: required (\"allow\" or \"deny\")."], result.StderrLines);
    }

    [Theory]
    [InlineData("--principal", "x")]
    [InlineData("--operation", "encrypt")]
    [InlineData("--operation", "GetHealthStatus")]
    public async Task Explain_MissingOrBadOperation_IsUsageError(string option, string value)
    {
        var result = await _cli.RunAsync("policy", "explain", Write(Policy), option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("Decision", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
