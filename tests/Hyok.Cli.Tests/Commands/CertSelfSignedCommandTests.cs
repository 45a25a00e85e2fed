using System.Security.Cryptography.X509Certificates;
using Hyok.Cli.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok cert self-signed</c>: files the server loads, with the names and validity asked for, and a warning about KMS.</summary>
public sealed class CertSelfSignedCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    [Theory]
    [InlineData("ecdsa", 256)]
    [InlineData("rsa", 2048)]
    public async Task SelfSigned_KeyType_ServerLoadsItWithNamesAndDays(string keyType, int bits)
    {
        var (certificate, key) = (data.Scratch($"self-{keyType}.crt"), data.Scratch($"self-{keyType}.key"));
        var before = DateTimeOffset.UtcNow;

        var result = await data.Cli.RunAsync(
            "cert", "self-signed", "--dns", "localhost", "--dns", "xks.test", "--days", "30", "--key-type", keyType, "--out-cert", certificate, "--out-key", key);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("public CA", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", result.Stdout, StringComparison.Ordinal);
        Assert.Null(ServerCertificate.Check(certificate, key));
        using var loaded = ServerCertificate.Load(certificate, key);
        Assert.Equal("CN=localhost", loaded.Leaf.Subject);
        Assert.Equal(["localhost", "xks.test"], CertCommandTests.DnsNamesOf(loaded.Leaf.Extensions));
        Assert.InRange(loaded.Leaf.NotAfter.ToUniversalTime(), before.AddDays(30).UtcDateTime.AddSeconds(-1), DateTime.UtcNow.AddDays(30).AddSeconds(1));
        Assert.Equal(bits, CertCommandTests.KeyBitsMatching(loaded.Leaf.PublicKey, File.ReadAllText(key)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public async Task SelfSigned_RsaReplacingTheServersFiles_ServeStartsAndAnswersOverTls()
    {
        using var fresh = new EmbeddedDataFolder();

        var result = await fresh.Cli.RunAsync(
            "cert", "self-signed", "--dns", "localhost", "--key-type", "rsa", "--out-cert", fresh.CertificateFile, "--out-key", fresh.CertificateKeyFile, "--force");
        await using var proxy = await RunningProxy.StartAsync(fresh);

        Assert.True(result.ExitCode == 0, result.ToString());
        var client = proxy.Client(fresh.DefaultCredential.AccessKeyId, fresh.DefaultCredential.Secret);
        var health = await LiveCalls.UntilAsync(client, "health", LiveCalls.HealthBody(), 200, null);
        Assert.Equal("ACTIVE", health["ekmFleetDetails"]![0]!["healthStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task SelfSigned_ExistingCertificate_RefusesWithoutForce()
    {
        var (certificate, key) = (data.Scratch("taken.crt"), data.Scratch("taken.key"));
        File.WriteAllText(certificate, "keep me");

        var result = await data.Cli.RunAsync("cert", "self-signed", "--dns", "localhost", "--out-cert", certificate, "--out-key", key);

        CliAssert.UserError(result, "exists");
        Assert.Equal("keep me", File.ReadAllText(certificate));
        Assert.False(File.Exists(key));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    public async Task SelfSigned_DaysOutOfRange_IsUsageError(string days)
    {
        var result = await data.Cli.RunAsync("cert", "self-signed", "--dns", "localhost", "--days", days, "--out-cert", data.Scratch("days.crt"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--days must be 1-3650", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(data.Scratch("days.crt")));
    }
}
