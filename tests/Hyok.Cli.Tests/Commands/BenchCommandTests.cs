using System.Diagnostics;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary>
/// <c>hyok bench</c> as a user runs it, as a separate process, against a proxy running in this process: every
/// operation over both HTTP versions, the embedded default without options, a wrong secret (errors counted, not
/// fatal) and Ctrl+C. Only the shape of the numbers is checked, never their size (speed is for docs/performance.md).
/// </summary>
public sealed class BenchCommandTests
{
    private const string SoftwareBackend = "Hyok sealed software key store (SQLite) 0.1";

    [Theory]
    [InlineData("encrypt", "2")]
    [InlineData("encrypt", "1.1")]
    [InlineData("decrypt", "2")]
    [InlineData("health", "1.1")]
    [InlineData("metadata", "2")]
    public async Task Bench_OperationWithUrl_CountsRequestsWithoutErrors(string operation, string http)
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = BenchRun.Parse(await data.Cli.RunAsync(
            [.. ExplicitTarget(data, proxy), "--operation", operation, "--http", http, "--aad-bytes", "64", .. BenchRun.Short]));

        run.AssertSane();
        run.AssertNoErrors();
        Assert.Equal(operation, run.Json["operation"]!.GetValue<string>());
        Assert.Equal(http, run.Json["http"]!.GetValue<string>());
        Assert.Equal(2, run.Json["concurrency"]!.GetValue<int>());
        Assert.Equal(SoftwareBackend, run.Backend);
    }

    [Fact]
    public async Task Bench_EmbeddedDefaultWithoutOptions_FindsAddressCredentialAndCertificate()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = BenchRun.Parse(await data.Cli.With("Hyok__Server__Listen__0", $"127.0.0.1:{proxy.Port}").RunAsync(["bench", .. BenchRun.Short]));

        run.AssertSane();
        run.AssertNoErrors();
        Assert.Equal("encrypt", run.Json["operation"]!.GetValue<string>());
        Assert.Equal(32, run.Json["plaintextBytes"]!.GetValue<int>());
        Assert.Equal(SoftwareBackend, run.Backend);
    }

    [Fact]
    public async Task Bench_WrongSecret_CountsEveryRequestAsAuthenticationFailed()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        File.WriteAllText(data.Scratch("wrong.secret"), Convert.ToBase64String(new byte[32]));

        var run = BenchRun.Parse(await data.Cli.RunAsync(
            [.. ExplicitTarget(data, proxy, data.Scratch("wrong.secret")), .. BenchRun.Short]));

        Assert.True(run.Requests > 0, run.Json.ToJsonString());
        Assert.Equal(run.Requests, run.ErrorCount);
        var (name, count) = Assert.Single(run.Errors);
        Assert.Equal("401 AuthenticationFailedException", name);
        Assert.Equal(run.Requests, count!.GetValue<long>());
        Assert.Equal("unknown", run.Backend);
    }

    [Fact]
    public async Task Bench_WithoutJson_PrintsTableWithPercentiles()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var result = await data.Cli.RunAsync([.. ExplicitTarget(data, proxy), "--duration", "1", "--warmup", "0", "--concurrency", "2", "--quiet"]);

        CliAssert.Succeeded(result);
        Assert.Matches(@"(?m)^requests +[1-9][0-9]* \(0 errors\)$", result.Stdout);
        Assert.Matches(@"(?m)^latency ms +p50 [0-9.]+ +p90 [0-9.]+ +p99 [0-9.]+ +p99\.9 [0-9.]+ +max [0-9.]+$", result.Stdout);
        Assert.Contains($"backend       {SoftwareBackend}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_CtrlC_StopsEarlyAndStillPrintsResults()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        var start = new ProcessStartInfo(HyokCli.Dotnet);
        foreach (var argument in (string[])[HyokCli.Dll, .. ExplicitTarget(data, proxy), "--duration", "600", "--warmup", "0", "--concurrency", "2"])
        {
            start.ArgumentList.Add(argument);
        }

        data.Cli.ApplyEnvironment(start);
        await using var bench = ChildProcess.Start(start);
        await bench.WaitForLineAsync(l => l.StartsWith("Sending encrypt requests", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.True(await bench.InterruptAsync(TimeSpan.FromSeconds(15)), $"Ctrl+C did not stop the run:\n{bench.Output}");
        await bench.WaitForLineAsync(l => l.StartsWith("latency ms", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Equal(0, bench.ExitCode);
        Assert.Contains("(stopped early)", bench.Output, StringComparison.Ordinal);
    }

    /// <summary>The <c>default</c> key store of the running proxy by URL, trusting exactly its self-signed certificate.</summary>
    internal static string[] ExplicitTarget(EmbeddedDataFolder data, RunningProxy proxy, string? secretFile = null) =>
    [
        "bench",
        "--url", $"https://localhost:{proxy.Port}/keystores/default/kms/xks/v1",
        "--access-key-id", data.DefaultCredential.AccessKeyId,
        "--secret-file", secretFile ?? Path.Combine(data.Root, "credentials", "default.secret"),
        "--cacert", data.CertificateFile,
    ];
}
