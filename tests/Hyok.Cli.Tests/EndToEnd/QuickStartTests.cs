using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.EndToEnd;

/// <summary>
/// The README's quick start, exactly: <c>./hyok serve</c> from the clone (the launcher builds the CLI when
/// sources changed), the printed curl command run as printed, Ctrl+C, and a second run reusing the data.
/// </summary>
[Collection(LauncherGroup.Name)]
public sealed partial class QuickStartTests : IDisposable
{
    /// <summary>The launcher may build the CLI first (a fresh clone: a full Release build).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly string _parent = Directory.CreateTempSubdirectory("hyok-quickstart-").FullName;

    private string DataFolder => Path.Combine(_parent, "hyok-data");

    [Fact]
    public async Task Serve_ReadmeQuickStart_PrintedCurlIsHealthyAndSecondRunReusesData()
    {
        string accessKeyId;
        await using (var first = StartLauncher())
        {
            var curl = await first.WaitForLineAsync(l => l.StartsWith("  curl ", StringComparison.Ordinal), StartTimeout);

            Assert.Contains($"Created the embedded default in {DataFolder}", first.Output, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^Hyok XKS proxy is listening on https://127\.0\.0\.1:[1-9][0-9]*$", first.Output);
            Assert.Contains($"Audit trail: {Path.Combine(DataFolder, "audit")} (", first.Output, StringComparison.Ordinal);
            await AssertHealthyAsync(curl);
            Assert.Contains("\"kmsRequestId\":\"hello-hyok\"", string.Concat(Directory.GetFiles(Path.Combine(DataFolder, "audit"), "audit-*.jsonl").Select(File.ReadAllText)), StringComparison.Ordinal);
            accessKeyId = AccessKeyId(first.Output);
            Assert.True(await first.InterruptAsync(TimeSpan.FromSeconds(15)), $"Ctrl+C did not stop the proxy:\n{first.Output}");
        }

        await using var second = StartLauncher();
        var secondCurl = await second.WaitForLineAsync(l => l.StartsWith("  curl ", StringComparison.Ordinal), StartTimeout);

        Assert.DoesNotContain("Created the embedded default", second.Output, StringComparison.Ordinal);
        Assert.Equal(accessKeyId, AccessKeyId(second.Output));
        await AssertHealthyAsync(secondCurl);
        Assert.True(await second.InterruptAsync(TimeSpan.FromSeconds(15)), $"Ctrl+C did not stop the proxy:\n{second.Output}");
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    private ChildProcess StartLauncher()
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "hyok")) { WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add("serve");
        new HyokCli(DataFolder).With("Hyok__Server__Listen__0", "127.0.0.1:0").ApplyEnvironment(start);

        // No MSBuild worker nodes outliving the launcher's build (they would also hold our output pipes).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        return ChildProcess.Start(start);
    }

    private static async Task AssertHealthyAsync(string curlLine)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(curlLine);
        using var curl = Process.Start(start)!;
        var stdout = curl.StandardOutput.ReadToEndAsync();
        var stderr = curl.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await curl.WaitForExitAsync(timeout.Token);

        var body = await stdout;
        Assert.True(curl.ExitCode == 0, $"the printed curl command failed ({curl.ExitCode}): {await stderr}\n{curlLine}");
        var health = JsonNode.Parse(body)!;
        Assert.Equal("ACTIVE", health["ekmFleetDetails"]![0]!["healthStatus"]!.GetValue<string>());
    }

    private static string AccessKeyId(string output)
    {
        var match = AccessKeyIdLine().Match(output);
        Assert.True(match.Success, $"no access key id in the banner:\n{output}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"(?m)^\s+Access key ids?\s+([A-Z2-7]{26})\b")]
    private static partial Regex AccessKeyIdLine();
}
