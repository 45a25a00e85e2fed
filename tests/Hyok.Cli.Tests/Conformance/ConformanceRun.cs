using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Conformance;

/// <summary>One <c>hyok test</c> run as text and one as <c>--json</c>, with the outcome of each check read from both.</summary>
internal sealed partial class ConformanceRun(CliResult text, CliResult json)
{
    public CliResult Text => text;

    public CliResult JsonResult => json;

    public JsonObject Json { get; } = JsonNode.Parse(json.Stdout)!.AsObject();

    /// <summary>Check id → outcome (<c>pass</c>, <c>fail</c>, <c>skip</c>) from the text lines.</summary>
    public Dictionary<string, string> TextOutcomes { get; } = CheckLine().Matches(text.Stdout)
        .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value.ToLowerInvariant(), StringComparer.Ordinal);

    public Dictionary<string, string> JsonOutcomes => Json["checks"]!.AsArray()
        .ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["outcome"]!.GetValue<string>(), StringComparer.Ordinal);

    public static async Task<ConformanceRun> RunAsync(HyokCli cli, params string[] arguments) =>
        new(await cli.RunAsync(["test", .. arguments]), await cli.RunAsync(["test", .. arguments, "--json"]));

    /// <summary>Both runs gave the same exit code, the same outcome per check, and the JSON summary counts the text lines.</summary>
    public void AssertTextMatchesJson()
    {
        Assert.Equal(Text.ExitCode, JsonResult.ExitCode);
        Assert.Equal(TextOutcomes.OrderBy(p => p.Key), JsonOutcomes.OrderBy(p => p.Key));
        var summary = Json["summary"]!;
        Assert.Equal(TextOutcomes.Count, summary["total"]!.GetValue<int>());
        Assert.Equal(TextOutcomes.Count(p => p.Value == "fail"), summary["failed"]!.GetValue<int>());
        Assert.Equal(TextOutcomes.Count(p => p.Value == "skip"), summary["skipped"]!.GetValue<int>());
        Assert.Matches($@"(?m)^{TextOutcomes.Count} checks: {summary["passed"]} passed, {summary["failed"]} failed, {summary["skipped"]} skipped", Text.Stdout);
        Assert.All(Json["checks"]!.AsArray(), c => Assert.True(c!["durationMs"]!.GetValue<double>() >= 0));
    }

    /// <summary>Exit 0, nothing failed and nothing skipped: every check ran and passed.</summary>
    public void AssertAllPassed()
    {
        AssertTextMatchesJson();
        Assert.True(Text.ExitCode == 0, Text.ToString());
        Assert.True(TextOutcomes.Count >= 55, Text.ToString());
        Assert.All(TextOutcomes, p => Assert.True(p.Value == "pass", $"{p.Key}: {p.Value}\n{Text}"));
        Assert.True(Json["summary"]!["conformant"]!.GetValue<bool>());
    }

    /// <summary>Exit 1 and the named checks fail, in the text (with expected and actual) and in the JSON.</summary>
    public void AssertFailed(params string[] ids)
    {
        AssertTextMatchesJson();
        Assert.True(Text.ExitCode == 1, Text.ToString());
        Assert.Contains(" - NOT conformant", Text.Stdout, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            Assert.True(TextOutcomes.GetValueOrDefault(id) == "fail", $"check {id} did not fail:\n{Text}");
            Assert.Matches($@"(?m)^FAIL  {Regex.Escape(id)} .*: expected .+, got .+$", Text.Stdout);
        }
    }

    [GeneratedRegex(@"(?m)^(PASS|FAIL|SKIP)  (\S+) ")]
    private static partial Regex CheckLine();
}
