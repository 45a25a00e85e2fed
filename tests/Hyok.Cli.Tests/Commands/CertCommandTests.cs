using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok cert csr</c>: a CSR a public CA can read, signed by a new 0600 key that matches it.</summary>
public sealed class CertCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    [Theory]
    [InlineData("ecdsa", "P-256", 256, "sha256ECDSA")]
    [InlineData("ecdsa", "P-384", 384, "sha384ECDSA")]
    [InlineData("rsa", "3072", 3072, "sha256RSA")]
    public async Task Csr_KeyType_CsrVerifiesWithNamesAndMatchingKey(string keyType, string size, int bits, string signature)
    {
        var (key, csr) = (data.Scratch($"csr-{size}.key"), data.Scratch($"csr-{size}.csr"));
        string[] sizeOption = keyType == "rsa" ? ["--rsa-bits", size] : ["--curve", size];

        var result = await data.Cli.RunAsync(
            ["cert", "csr", "--dns", "xks.example.com", "--dns", "*.xks.example.com", "--key-type", keyType, .. sizeOption, "--out-key", key, "--out-csr", csr]);

        CliAssert.Succeeded(result);
        Assert.Contains(key, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("CertificateKeyFile", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", result.Stdout, StringComparison.Ordinal);
        var request = CertificateRequest.LoadSigningRequestPem(File.ReadAllText(csr), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.Equal("CN=xks.example.com", request.SubjectName.Name);
        Assert.Equal(["xks.example.com", "*.xks.example.com"], DnsNamesOf(request.CertificateExtensions));
        Assert.Equal(signature, SignatureAlgorithmOf(File.ReadAllText(csr)));
        var keyPem = File.ReadAllText(key);
        Assert.Contains("-----BEGIN PRIVATE KEY-----", keyPem, StringComparison.Ordinal);
        Assert.Equal(bits, KeyBitsMatching(request.PublicKey, keyPem));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public async Task Csr_Subject_IsUsedAsGiven()
    {
        var csr = data.Scratch("subject.csr");

        var result = await data.Cli.RunAsync(
            "cert", "csr", "--dns", "xks.example.com", "--subject", "CN=xks.example.com, O=Example", "--out-key", data.Scratch("subject.key"), "--out-csr", csr);

        CliAssert.Succeeded(result);
        var request = CertificateRequest.LoadSigningRequestPem(File.ReadAllText(csr), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.Equal("CN=xks.example.com, O=Example", request.SubjectName.Name);
    }

    [Fact]
    public async Task Csr_ExistingKeyFile_RefusesWithoutForceAndReplacesWithForce()
    {
        var (key, csr) = (data.Scratch("existing.key"), data.Scratch("existing.csr"));
        File.WriteAllText(key, "keep me");
        string[] arguments = ["cert", "csr", "--dns", "xks.example.com", "--out-key", key, "--out-csr", csr];

        var refused = await data.Cli.RunAsync(arguments);
        var csrAfterRefusal = File.Exists(csr);
        var forced = await data.Cli.RunAsync([.. arguments, "--force"]);

        CliAssert.UserError(refused, "--force");
        Assert.False(csrAfterRefusal);
        CliAssert.Succeeded(forced);
        var request = CertificateRequest.LoadSigningRequestPem(File.ReadAllText(csr), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.Equal(256, KeyBitsMatching(request.PublicKey, File.ReadAllText(key)));
    }

    [Theory]
    [InlineData("IP address", "10.0.0.1")]
    [InlineData("not lowercase", "Xks.example.com")]
    [InlineData("fully qualified", "localhost")]
    [InlineData("wildcard", "xks.*.example.com")]
    [InlineData("wildcard", "x*.example.com")]
    [InlineData("63 characters", "a.-")]
    [InlineData("inner hyphens", "-xks.example.com")]
    [InlineData("inner hyphens", "xks_1.example.com")]
    [InlineData("empty label", "xks..example.com")]
    [InlineData("253", "LONG")]
    [InlineData("--curve applies", "xks.example.com", "--key-type", "rsa", "--curve", "P-256")]
    [InlineData("--rsa-bits applies", "xks.example.com", "--rsa-bits", "4096")]
    [InlineData("not a distinguished name", "xks.example.com", "--subject", "no equals sign")]
    public async Task Csr_InvalidArgument_IsUsageErrorOnOneLine(string expected, string name, params string[] more)
    {
        var dns = name == "LONG" ? string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".com" : name.Replace("a.-", new string('a', 64) + ".com", StringComparison.Ordinal);
        var key = data.Scratch($"invalid-{Guid.NewGuid():N}.key");

        var result = await data.Cli.RunAsync(["cert", "csr", "--dns", dns, "--out-key", key, "--out-csr", key + ".csr", .. more]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
        CliAssert.NoStackTrace(result);
        Assert.False(File.Exists(key));
    }

    internal static string[] DnsNamesOf(IEnumerable<X509Extension> extensions) =>
        [.. new X509SubjectAlternativeNameExtension(extensions.Single(e => e.Oid?.Value == "2.5.29.17").RawData).EnumerateDnsNames()];

    /// <summary>The key size of <paramref name="keyPem"/>, after checking that its public key is <paramref name="publicKey"/>.</summary>
    internal static int KeyBitsMatching(PublicKey publicKey, string keyPem)
    {
        using AsymmetricAlgorithm key = publicKey.GetRSAPublicKey() is { } rsa ? ToPrivate(rsa, RSA.Create()) : ToPrivate(publicKey.GetECDsaPublicKey()!, ECDsa.Create());
        key.ImportFromPem(keyPem);
        Assert.Equal(publicKey.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());
        return key.KeySize;

        static AsymmetricAlgorithm ToPrivate(AsymmetricAlgorithm publicOnly, AsymmetricAlgorithm empty)
        {
            publicOnly.Dispose();
            return empty;
        }
    }

    private static string SignatureAlgorithmOf(string csrPem)
    {
        var der = PemEncoding.Find(csrPem) is var fields ? Convert.FromBase64String(csrPem[fields.Base64Data]) : [];
        var reader = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        reader.ReadEncodedValue();
        var oid = reader.ReadSequence().ReadObjectIdentifier();
        return new Oid(oid).FriendlyName ?? oid;
    }
}
