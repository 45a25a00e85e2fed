using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Conformance;

/// <summary>
/// <c>hyok test</c> as a user runs it, as a separate process, against Hyok on the software backend over real HTTPS
/// on 127.0.0.1: every check, the optional keys and <c>--all</c> included, passes; text and JSON agree; usage errors exit 2.
/// </summary>
public sealed class TestCommandTests
{
    [Fact]
    public async Task Test_HyokSoftwareBackendWithAllChecks_EveryCheckPasses()
    {
        using var data = new EmbeddedDataFolder();
        await CreateSpecialKeysAsync(data);
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = await ConformanceRun.RunAsync(data.Cli, [.. Target(data, proxy.Port), .. SpecialKeys, "--all"]);

        run.AssertAllPassed();
        Assert.Contains("PASS  12 encrypt with AAD → decrypt with different AAD: 400 InvalidCiphertextException", run.Text.Stdout, StringComparison.Ordinal);
        Assert.Equal($"https://localhost:{proxy.Port}/keystores/default/kms/xks/v1", run.Json["url"]!.GetValue<string>());
        Assert.DoesNotContain(data.DefaultCredential.Secret, run.Text.Stdout + run.JsonResult.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_EmbeddedDefaultWithoutOptions_PassesAndSkipsOnlyWhatNeedsOptions()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = await ConformanceRun.RunAsync(data.Cli.With("Hyok__Server__Listen__0", $"127.0.0.1:{proxy.Port}"));

        run.AssertTextMatchesJson();
        Assert.True(run.Text.ExitCode == 0, run.Text.ToString());
        Assert.DoesNotContain("FAIL", run.Text.Stdout, StringComparison.Ordinal);
        Assert.Matches("(?m)^SKIP  18a encrypt-only key: encrypt: needs --encrypt-only-key-id$", run.Text.Stdout);
        Assert.Matches("(?m)^SKIP  23a TLS 1.0 refused: slow/optional: run with --all$", run.Text.Stdout);
        Assert.Equal(14, run.TextOutcomes.Count(p => p.Value == "skip"));
    }

    [Fact]
    public async Task Test_NothingListening_FailsTheFirstCheckAndStops()
    {
        using var data = new EmbeddedDataFolder();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await data.Cli.RunAsync(["test", .. Target(data, closedPort)]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches("(?m)^FAIL  1 health: valid request: expected an answer, got no answer: .*refused", result.Stdout);
        Assert.Matches("(?m)^1 checks: 0 passed, 1 failed, 0 skipped", result.Stdout);
    }

    [Theory]
    [InlineData("--prefix needs --endpoint", "--prefix", "/keystores/default")]
    [InlineData("without a path", "--endpoint", "https://localhost:8443/keystores/default")]
    [InlineData("without a path", "--endpoint", "http://localhost:8443")]
    [InlineData("needs --access-key-id and --secret-file", "--endpoint", "https://localhost:8443")]
    public async Task Test_UsageError_ExitsTwoWithOneLine(string expected, params string[] arguments)
    {
        using var data = new EmbeddedDataFolder();

        var result = await data.Cli.RunAsync(["test", .. arguments]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        CliAssert.NoStackTrace(result);
    }

    /// <summary>The keys <see cref="SpecialKeys"/> names: encrypt-only, decrypt-only and disabled, made with <c>hyok keys</c>.</summary>
    internal static async Task CreateSpecialKeysAsync(EmbeddedDataFolder data)
    {
        string[][] commands = [["create", "enc-only", "--usage", "encrypt"], ["create", "dec-only", "--usage", "decrypt"], ["create", "off-key"], ["disable", "off-key"]];
        foreach (var command in commands)
        {
            CliAssert.Succeeded(await data.Cli.RunAsync(["keys", .. command]));
        }
    }

    internal static readonly string[] SpecialKeys = ["--encrypt-only-key-id", "enc-only", "--decrypt-only-key-id", "dec-only", "--disabled-key-id", "off-key"];

    /// <summary>The <c>default</c> key store at <c>https://localhost:PORT</c>, trusting exactly the data folder's self-signed certificate.</summary>
    internal static string[] Target(EmbeddedDataFolder data, int port, string? key = null) =>
    [
        "--endpoint", $"https://localhost:{port}",
        "--prefix", "/keystores/default",
        "--access-key-id", data.DefaultCredential.AccessKeyId,
        "--secret-file", Path.Combine(data.Root, "credentials", "default.secret"),
        "--cacert", data.CertificateFile,
        "--key-id", key ?? "demo-key",
    ];
}
