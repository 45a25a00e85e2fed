using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Hyok.Cli.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Cli.Tests.Commands;

/// <summary>
/// README "Troubleshooting": start-up problems are one clear line each (exit 1, no stack trace): a master key
/// that does not match the database, a master key file readable by others, a certificate key that does not
/// match, a port in use. Each test breaks its own data folder.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData("serve")]
    [InlineData("keys", "list")]
    [InlineData("credentials", "add")]
    public async Task Command_WrongMasterKey_SaysTheMasterKeyDoesNotMatch(params string[] command)
    {
        using var data = new EmbeddedDataFolder();
        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var result = await Cli(data).With("HYOK_MASTER_KEY", otherKey).RunAsync(command);

        CliAssert.UserError(result, $"The master key does not match the key store at {data.Root}/hyok.db");
        Assert.DoesNotContain(otherKey, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("keys", "list")]
    public async Task Command_MasterKeyFileReadableByOthers_SaysChmod600(params string[] command)
    {
        using var data = new EmbeddedDataFolder();
        File.SetUnixFileMode(data.MasterKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await Cli(data).RunAsync(command);

        var line = CliAssert.UserError(result, $"master key file {data.MasterKeyFile} is accessible by group or others (mode 0644)");
        Assert.EndsWith($"Fix: chmod 600 {data.MasterKeyFile}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_CertificateKeyOfAnotherCertificate_SaysTheKeyDoesNotMatch()
    {
        using var data = new EmbeddedDataFolder();
        SelfSignedCertificate.WritePemFiles(data.Scratch("other.crt"), data.CertificateKeyFile + ".new", TimeProvider.System, "localhost");
        File.Move(data.CertificateKeyFile + ".new", data.CertificateKeyFile, overwrite: true);

        var result = await Cli(data).RunAsync("serve");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"  - Hyok:Server:CertificateFile: the private key in {data.CertificateKeyFile} does not match the certificate in {data.CertificateFile}", result.Stderr, StringComparison.Ordinal);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task Serve_ExpiredCertificate_SaysItExpired()
    {
        using var data = new EmbeddedDataFolder();
        var lastYear = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-400));
        SelfSignedCertificate.WritePemFiles(data.Scratch("old.crt"), data.Scratch("old.key"), lastYear, CertificateKeySpec.EcdsaP256, 30, ["localhost"]);
        File.Copy(data.Scratch("old.crt"), data.CertificateFile, overwrite: true);
        File.Copy(data.Scratch("old.key"), data.CertificateKeyFile, overwrite: true);

        var result = await Cli(data).RunAsync("serve");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"  - Hyok:Server:CertificateFile: the certificate in {data.CertificateFile} expired on", result.Stderr, StringComparison.Ordinal);
        CliAssert.NoStackTrace(result);
    }

    [Fact]
    public async Task Serve_PortInUse_SaysTheAddressIsInUse()
    {
        using var data = new EmbeddedDataFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await data.Cli.With("Hyok__Server__Listen__0", $"127.0.0.1:{port}").RunAsync("serve");

        CliAssert.UserError(result, $"Failed to bind to address https://127.0.0.1:{port}: address already in use.");
    }

    /// <summary>Any free port, so a serve that wrongly starts does not collide; it would time out the test.</summary>
    private static HyokCli Cli(EmbeddedDataFolder data) => data.Cli.With("Hyok__Server__Listen__0", "127.0.0.1:0");
}
