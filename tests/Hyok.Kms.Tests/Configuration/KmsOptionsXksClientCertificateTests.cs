using Hyok.Kms.Configuration;
using Hyok.Testing;

namespace Hyok.Kms.Tests.Configuration;

/// <summary>Start-up validation of Hyok:Kms:XksClientCertificateFile and XksClientCertificateKeyFile (xks-spec.md §7.5).</summary>
public sealed class KmsOptionsXksClientCertificateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-kms-options-").FullName;
    private readonly TestClientAuthority _authority = TestClientAuthority.Create("Hyok Kms Options Test CA");

    [Fact]
    public void Validate_MatchingCertificateAndKey_NoProblem()
    {
        var (certificate, key) = Write("good", "cks.kms.us-east-1.amazonaws.com");

        Assert.Empty(KmsOptionsValidator.Validate(Options(certificate, key)));
    }

    [Fact]
    public void Validate_CertificateWithoutKey_BothOrNeither()
    {
        var (certificate, _) = Write("lonely", "cks.kms.us-east-1.amazonaws.com");

        var problem = Assert.Single(KmsOptionsValidator.Validate(Options(certificate, null)));

        Assert.Contains("Hyok:Kms:XksClientCertificateKeyFile go together", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyOfAnotherCertificate_ReportsMismatchWithoutKeyMaterial()
    {
        var (certificate, _) = Write("one", "cks.kms.us-east-1.amazonaws.com");
        var (_, otherKey) = Write("two", "cks.kms.us-east-1.amazonaws.com");

        var problem = Assert.Single(KmsOptionsValidator.Validate(Options(certificate, otherKey)));

        Assert.StartsWith("Hyok:Kms:XksClientCertificateFile: the private key in " + otherKey + " does not match", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFiles_ReportsUnreadable()
    {
        string missing = Path.Combine(_folder, "missing.crt");

        var problem = Assert.Single(KmsOptionsValidator.Validate(Options(missing, Path.Combine(_folder, "missing.key"))));

        Assert.Contains("cannot read " + missing, problem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _authority.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private KmsOptions Options(string? certificate, string? key) => new()
    {
        DatabaseFile = Path.Combine(_folder, "kms.db"),
        XksClientCertificateFile = certificate,
        XksClientCertificateKeyFile = key,
    };

    private (string Certificate, string Key) Write(string name, string commonName)
    {
        using var issued = _authority.Issue(commonName);
        var files = (Path.Combine(_folder, name + ".crt"), Path.Combine(_folder, name + ".key"));
        TestClientAuthority.WritePem(issued, files.Item1, files.Item2);
        return files;
    }
}
