using System.Net;
using System.Net.Sockets;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok bench</c>'s failures: bad arguments are usage errors (exit 2); a setup that cannot work is one clear line (exit 1).</summary>
public sealed class BenchCommandErrorTests
{
    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--concurrency", "1025")]
    [InlineData("--duration", "0")]
    [InlineData("--plaintext-bytes", "4301")]
    [InlineData("--aad-bytes", "-1")]
    [InlineData("--operation", "sign")]
    [InlineData("--http", "3")]
    [InlineData("--secret", "s3cr3t")]
    [InlineData("--rate", "-1")]
    [InlineData("--max-in-flight", "0")]
    [InlineData("--slo-p99-ms", "0")]
    [InlineData("--mix", "sign=1")]
    [InlineData("--mix", "encrypt=1001")]
    [InlineData("--mix", "encrypt=0")]
    public async Task Bench_BadArgument_IsUsageError(string option, string value)
    {
        using var data = new EmbeddedDataFolder();

        var result = await data.Cli.RunAsync("bench", option, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task Bench_NoEmbeddedDefault_SaysRunServeFirst()
    {
        using var data = new EmbeddedDataFolder();
        var empty = new HyokCli(data.Scratch("empty"));

        CliAssert.UserError(await empty.RunAsync("bench"), $"No configuration at {data.Scratch("empty")}/hyok.json");
    }

    [Fact]
    public async Task Bench_UrlWithoutCredential_SaysWhatIsMissing()
    {
        using var data = new EmbeddedDataFolder();

        CliAssert.UserError(await data.Cli.RunAsync("bench", "--url", "https://localhost:8443/keystores/default/kms/xks/v1"), "(--url, --endpoint) needs --access-key-id and --secret-file.");
    }

    [Fact]
    public async Task Bench_MissingSecretFile_SaysWhere()
    {
        using var data = new EmbeddedDataFolder();

        CliAssert.UserError(await data.Cli.RunAsync("bench", "--secret-file", data.Scratch("none.secret")), $"No secret file at {data.Scratch("none.secret")}");
    }

    [Fact]
    public async Task Bench_NothingListening_SaysCannotReach()
    {
        using var data = new EmbeddedDataFolder();

        var result = await data.Cli.With("Hyok__Server__Listen__0", $"127.0.0.1:{ClosedPort()}").RunAsync("bench");

        CliAssert.UserError(result, "Cannot reach https://127.0.0.1:");
    }

    [Fact]
    public async Task Bench_CertificateNotTrusted_SaysTlsFailed()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var result = await data.Cli.RunAsync(
            [.. BenchCommandTests.ExplicitTarget(data, proxy).SkipLast(2), "--duration", "1"]);

        CliAssert.UserError(result, "The SSL connection could not be established");
    }

    [Fact]
    public async Task Bench_DecryptWithWrongSecret_FailsSetupOnOneLine()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        File.WriteAllText(data.Scratch("wrong.secret"), Convert.ToBase64String(new byte[32]));

        var result = await data.Cli.RunAsync([.. BenchCommandTests.ExplicitTarget(data, proxy, data.Scratch("wrong.secret")), "--operation", "decrypt"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Equal("hyok: Decrypt needs one ciphertext first, but Encrypt of key 'demo-key' answered 401 AuthenticationFailedException.", line);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Bench_OperationAndMix_IsUsageError()
    {
        using var data = new EmbeddedDataFolder();

        var result = await data.Cli.RunAsync("bench", "--operation", "health", "--mix", "health=1");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("either --operation or --mix", result.Stderr, StringComparison.Ordinal);
    }
}
