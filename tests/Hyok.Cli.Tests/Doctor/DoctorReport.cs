using System.Text.Json.Nodes;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Doctor;

/// <summary>One <c>hyok doctor --json</c> run: the outcome, detail and KMS error of each check by name.</summary>
internal sealed class DoctorReport(CliResult result)
{
    public CliResult Result => result;

    public JsonObject Json { get; } = JsonNode.Parse(result.Stdout)!.AsObject();

    public IEnumerable<JsonNode> Checks => Json["checks"]!.AsArray()!.Select(c => c!);

    public static async Task<DoctorReport> RunAsync(HyokCli cli, IEnumerable<string> arguments) =>
        new(await cli.RunAsync(["doctor", .. arguments, "--json"]));

    public string Outcome(string check) => Check(check)["outcome"]!.GetValue<string>();

    public string? KmsError(string check) => Check(check)["kmsError"]?.GetValue<string>();

    /// <summary>The check failed, with a fix, and (when given) KMS's error starts with <paramref name="kmsError"/>; the run exits 1.</summary>
    public void AssertFailed(string check, string? kmsError = null)
    {
        Assert.True(Result.ExitCode == 1, Result.ToString());
        Assert.True(Outcome(check) == "fail", $"{check} did not fail:\n{Result}");
        Assert.False(string.IsNullOrEmpty(Check(check)["fix"]?.GetValue<string>()), Result.ToString());
        if (kmsError is not null)
        {
            Assert.StartsWith(kmsError, KmsError(check) ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private JsonNode Check(string name) => Checks.SingleOrDefault(c => c["check"]!.GetValue<string>() == name)
        ?? throw new Xunit.Sdk.XunitException($"no check {name}:\n{Result}");
}
