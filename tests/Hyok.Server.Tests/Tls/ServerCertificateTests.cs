using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Server.Tests.Tls;

/// <summary>Loading the certificate files: the chain is split off the leaf, and every broken file gets one clear message.</summary>
public sealed class ServerCertificateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-cert-tests-").FullName;

    [Fact]
    public void Load_FullChainFile_SplitsLeafAndIntermediates()
    {
        using var chain = TestCertificateChain.Create();
        chain.WriteServerFiles(PathOf("fullchain.pem"), PathOf("privkey.pem"));

        using var certificate = ServerCertificate.Load(PathOf("fullchain.pem"), PathOf("privkey.pem"));

        Assert.Equal(chain.Leaf.Thumbprint, certificate.Leaf.Thumbprint);
        Assert.True(certificate.Leaf.HasPrivateKey);
        Assert.Equal(chain.Intermediate.Thumbprint, Assert.Single(certificate.Chain).Thumbprint);
    }

    [Fact]
    public void Load_KeyOfAnotherCertificate_SaysTheKeyDoesNotMatch()
    {
        SelfSignedCertificate.WritePemFiles(PathOf("a.crt"), PathOf("a.key"), TimeProvider.System, "localhost");
        SelfSignedCertificate.WritePemFiles(PathOf("b.crt"), PathOf("b.key"), TimeProvider.System, "localhost");

        var error = Assert.Throws<ServerCertificateException>(() => ServerCertificate.Load(PathOf("a.crt"), PathOf("b.key")));

        Assert.Equal($"the private key in {PathOf("b.key")} does not match the certificate in {PathOf("a.crt")} "
            + "(the first certificate in the file must be the server's own, followed by its intermediates).", error.Message);
        Assert.Equal(error.Message, ServerCertificate.Check(PathOf("a.crt"), PathOf("b.key")));
    }

    [Fact]
    public void Load_KeyOfAnotherAlgorithm_SaysTheKeyDoesNotMatch()
    {
        using var chain = TestCertificateChain.Create();
        chain.WriteServerFiles(PathOf("rsa.pem"), PathOf("rsa.key"));
        SelfSignedCertificate.WritePemFiles(PathOf("ec.crt"), PathOf("ec.key"), TimeProvider.System, "localhost");

        var error = Assert.Throws<ServerCertificateException>(() => ServerCertificate.Load(PathOf("ec.crt"), PathOf("rsa.key")));

        Assert.Contains("does not match the certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IntermediateBeforeLeaf_SaysTheFirstCertificateMustBeTheServers()
    {
        using var chain = TestCertificateChain.Create();
        chain.WriteServerFiles(PathOf("fullchain.pem"), PathOf("privkey.pem"));
        File.WriteAllText(PathOf("reversed.pem"), chain.Intermediate.ExportCertificatePem() + "\n" + chain.Leaf.ExportCertificatePem() + "\n");

        var error = Assert.Throws<ServerCertificateException>(() => ServerCertificate.Load(PathOf("reversed.pem"), PathOf("privkey.pem")));

        Assert.Contains("the first certificate in the file must be the server's own", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a certificate\n", "holds no PEM certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "holds a malformed PEM certificate")]
    public void Load_BrokenCertificateFile_NamesTheFile(string content, string expected)
    {
        SelfSignedCertificate.WritePemFiles(PathOf("a.crt"), PathOf("a.key"), TimeProvider.System, "localhost");
        File.WriteAllText(PathOf("broken.crt"), content);

        var error = Assert.Throws<ServerCertificateException>(() => ServerCertificate.Load(PathOf("broken.crt"), PathOf("a.key")));

        Assert.StartsWith($"{PathOf("broken.crt")} {expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.crt", "holds no usable PEM private key")]
    [InlineData("garbage", "holds no usable PEM private key")]
    [InlineData("encrypted", "holds an encrypted private key")]
    public void Load_BrokenKeyFile_NamesTheFile(string keyContent, string expected)
    {
        SelfSignedCertificate.WritePemFiles(PathOf("a.crt"), PathOf("a.key"), TimeProvider.System, "localhost");
        var text = keyContent switch
        {
            "a.crt" => File.ReadAllText(PathOf("a.crt")),
            "encrypted" => "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
            _ => "garbage\n",
        };
        File.WriteAllText(PathOf("broken.key"), text);

        var error = Assert.Throws<ServerCertificateException>(() => ServerCertificate.Load(PathOf("a.crt"), PathOf("broken.key")));

        Assert.StartsWith($"{PathOf("broken.key")} {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnreadableFile_NamesTheFile()
    {
        var error = Assert.Throws<ServerCertificateException>(() => ServerCertificate.Load(PathOf("missing.crt"), PathOf("missing.key")));

        Assert.StartsWith($"cannot read {PathOf("missing.crt")}", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);
}
