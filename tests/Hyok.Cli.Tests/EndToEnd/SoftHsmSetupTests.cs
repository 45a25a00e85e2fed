using System.Diagnostics;
using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.EndToEnd;

/// <summary>
/// The README's PKCS#11 quick start: <c>scripts/softhsm-setup</c> makes a SoftHSM2 token and a configuration,
/// the printed serve command runs the proxy on the token, <c>hyok bench</c> encrypts with the token key, and
/// <c>hyok keys disable</c> is Hyok's own kill switch for a token key.
/// </summary>
[Collection(LauncherGroup.Name)]
public sealed partial class SoftHsmSetupTests : IDisposable
{
    private readonly string _data = Path.Combine(Directory.CreateTempSubdirectory("hyok-softhsm-setup-").FullName, "hyok-data");

    [Fact]
    public async Task SoftHsmSetup_ThenServe_EncryptsOnTheTokenAndDisableStopsIt()
    {
        var setup = await RunAsync(Path.Combine(RepositoryRoot.Path, "scripts", "softhsm-setup"));
        Assert.True(setup.ExitCode == 0, $"softhsm-setup failed:\n{setup.Output}");
        var softHsmConf = SoftHsmConf().Match(setup.Output).Groups[1].Value;
        var config = Path.Combine(_data, "hyok-pkcs11.json");
        var cli = new HyokCli(_data).With("SOFTHSM2_CONF", softHsmConf);

        await using var server = StartServer(cli, config);
        await server.WaitForLineAsync(l => l.StartsWith("Press Ctrl+C", StringComparison.Ordinal), TimeSpan.FromSeconds(120));
        var listening = server.Output.Split('\n').First(l => l.StartsWith("Hyok XKS proxy is listening on", StringComparison.Ordinal));
        var url = $"https://localhost:{listening[(listening.LastIndexOf(':') + 1)..]}/keystores/default/kms/xks/v1";
        string[] bench = ["bench", "--config", config, "--url", url, "--access-key-id", AccessKeyId().Match(server.Output).Groups[1].Value,
            "--secret-file", Path.Combine(_data, "credentials", "default.secret"), "--cacert", Path.Combine(_data, "tls", "server.crt"), "--key-id", "demo-hsm-key", .. BenchRun.Short];

        var run = BenchRun.Parse(await cli.RunAsync(bench));
        run.AssertSane();
        run.AssertNoErrors(); // names the errors by kind (the whole report) when there are any
        Assert.Contains("SoftHSM", run.Backend, StringComparison.Ordinal);

        CliAssert.Succeeded(await cli.RunAsync("keys", "disable", "demo-hsm-key", "--config", config));
        Assert.Contains("DISABLED", (await cli.RunAsync("keys", "list", "--config", config)).Stdout, StringComparison.Ordinal);
        await ReachesServerAsync(async () => BenchRun.Parse(await cli.RunAsync(bench)).Errors.ContainsKey("400 InvalidStateException"));
        Assert.True(await server.InterruptAsync(TimeSpan.FromSeconds(15)), server.Output);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);

    private ChildProcess StartServer(HyokCli cli, string config)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "hyok")) { WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(config);
        // softhsm-setup writes one session, so bench's second worker waits for it; on a loaded test machine a token
        // operation can hold it past the default 100 ms wait (then 503 DependencyTimeoutException): the longest wait allowed.
        cli.With("Hyok__Server__Listen__0", "127.0.0.1:0").With("Hyok__Backend__Pkcs11__SessionWaitTimeoutMilliseconds", "200").ApplyEnvironment(start);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        return ChildProcess.Start(start);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string script)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot.Path };
        new HyokCli(_data).ApplyEnvironment(start);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task ReachesServerAsync(Func<Task<bool>> condition) =>
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () => await condition()), "the change did not reach the running server");

    [GeneratedRegex("SOFTHSM2_CONF='([^']+)'")]
    private static partial Regex SoftHsmConf();

    [GeneratedRegex(@"(?m)^\s+Access key ids?\s+([A-Z2-7]{26})\b")]
    private static partial Regex AccessKeyId();
}
