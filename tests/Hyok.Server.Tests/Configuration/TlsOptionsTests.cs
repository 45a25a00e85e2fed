using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;
using Hyok.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Server.Tests.Configuration;

/// <summary>Start-up checks of the certificate's validity and of <c>Hyok:Server:Tls</c> (reload, warning, mutual TLS).</summary>
public sealed class TlsOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-tls-options-").FullName;

    [Theory]
    [InlineData(-100, 30, "expired on")]
    [InlineData(+10, 30, "is not valid before")]
    public void Validate_CertificateNotValidNow_SaysWhy(int startDays, int days, string expected)
    {
        var options = TestConfiguration.Create(_folder);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(startDays));
        SelfSignedCertificate.WritePemFiles(options.Server.CertificateFile!, options.Server.CertificateKeyFile!, time, CertificateKeySpec.EcdsaP256, days, ["localhost"]);

        var problem = Assert.Single(HyokOptionsValidator.Validate(options));

        Assert.StartsWith($"Hyok:Server:CertificateFile: the certificate in {options.Server.CertificateFile} {expected}", problem, StringComparison.Ordinal);
        var error = Assert.Throws<ServerCertificateException>(() => HyokServer.Build(options, null!, TimeProvider.System));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MutualTlsWithGoodBundleAndNames_NoProblems()
    {
        var options = Good();
        using var authority = TestClientAuthority.Create("Client CA");
        File.WriteAllText(PathOf("ca.pem"), authority.Root.ExportCertificatePem());
        options.Server.Tls.ClientCertificateAuthorityFile = PathOf("ca.pem");
        options.Server.Tls.AllowedClientNames.Add("cks.kms.us-east-1.amazonaws.com");

        Assert.Empty(HyokOptionsValidator.Validate(options));
    }

    [Theory]
    [InlineData("missing", "cks.kms.us-east-1.amazonaws.com", "ClientCertificateAuthorityFile: file not found")]
    [InlineData("", "cks.kms.us-east-1.amazonaws.com", "holds no PEM certificate")]
    [InlineData("leaf", "cks.kms.us-east-1.amazonaws.com", "holds no root (self-signed) CA certificate")]
    [InlineData("root", null, "AllowedClientNames is required with mutual TLS")]
    [InlineData("root", "*.kms.us-east-1.amazonaws.com", "has a wildcard")]
    [InlineData("root", "not a name", "is not a DNS name")]
    public void Validate_BadMutualTlsSettings_SaysWhat(string bundle, string? name, string expected)
    {
        var options = Good();
        using var authority = TestClientAuthority.Create("Client CA");
        using var leaf = authority.Issue("client");
        if (bundle != "missing")
        {
            File.WriteAllText(PathOf("ca.pem"), bundle switch { "root" => authority.Root.ExportCertificatePem(), "leaf" => leaf.ExportCertificatePem(), _ => "" });
        }

        options.Server.Tls.ClientCertificateAuthorityFile = PathOf("ca.pem");
        if (name is not null)
        {
            options.Server.Tls.AllowedClientNames.Add(name);
        }

        var problem = Assert.Single(HyokOptionsValidator.Validate(options));

        Assert.StartsWith("Hyok:Server:Tls:", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 30, "ReloadIntervalSeconds")]
    [InlineData(5, 400, "ExpiryWarningDays")]
    public void Validate_OutOfRange_SaysWhich(int reload, int warning, string expected)
    {
        var options = Good();
        options.Server.Tls.ReloadIntervalSeconds = reload;
        options.Server.Tls.ExpiryWarningDays = warning;

        Assert.Contains(expected, Assert.Single(HyokOptionsValidator.Validate(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamesWithoutBundle_SaysTheBundleIsNeeded()
    {
        var options = Good();
        options.Server.Tls.AllowedClientNames.Add("cks.kms.us-east-1.amazonaws.com");

        Assert.Contains("needs Hyok:Server:Tls:ClientCertificateAuthorityFile", Assert.Single(HyokOptionsValidator.Validate(options)), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private HyokOptions Good()
    {
        var options = TestConfiguration.Create(_folder);
        SelfSignedCertificate.WritePemFiles(options.Server.CertificateFile!, options.Server.CertificateKeyFile!, TimeProvider.System, "localhost");
        return options;
    }

    private string PathOf(string name) => Path.Combine(_folder, name);
}
