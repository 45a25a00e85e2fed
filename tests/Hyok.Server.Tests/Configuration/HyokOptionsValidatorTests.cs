using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Server.Tests.Configuration;

public sealed class HyokOptionsValidatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-validate-").FullName;

    [Fact]
    public void Validate_GoodOptions_NoProblems()
    {
        Assert.Empty(HyokOptionsValidator.Validate(Good()));
    }

    [Fact]
    public void Validate_ManyMistakes_ReportsEveryOneAtOnce()
    {
        var options = Good();
        options.Server.Listen.Add("not-an-address");
        options.Server.CertificateFile = Path.Combine(_folder, "missing.pem");
        options.Server.MaxRequestBodyBytes = 10;
        options.Limits.MaxAadBytes = 70000;
        options.Health.CacheSeconds = 61;
        options.Health.FleetSize = 0;
        options.Backend.Type = "Pkcs11Someday";
        options.KeyStores.Add(new KeyStoreOptions { Name = "alpha", PathPrefix = "/alpha2", Region = "us-east-1" });
        options.KeyStores.Add(new KeyStoreOptions { Name = "bad name", PathPrefix = "no-slash", Region = "Mars" });

        var problems = HyokOptionsValidator.Validate(options);

        string[] expected = ["Listen", "CertificateFile", "MaxRequestBodyBytes", "MaxAadBytes", "CacheSeconds", "FleetSize", "Backend:Type", "used more than once", ":Name", "PathPrefix", "Region"];
        Assert.All(expected, word => Assert.Contains(problems, p => p.Contains(word, StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_NoKeyStores_IsAProblem()
    {
        var options = Good();
        options.KeyStores.Clear();

        Assert.Contains(HyokOptionsValidator.Validate(options), p => p.Contains("at least one", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1:8443", true)]
    [InlineData("0.0.0.0:443", true)]
    [InlineData("[::1]:8443", true)]
    [InlineData("localhost:8443", true)]
    [InlineData("127.0.0.1:0", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("localhost", false)]
    [InlineData("example.com:443", false)]
    [InlineData("127.0.0.1:70000", false)]
    public void ParseListenAddress_Forms(string value, bool valid)
    {
        Assert.Equal(valid, HyokOptionsValidator.ParseListenAddress(value) is not null);
    }

    private HyokOptions Good()
    {
        var options = TestConfiguration.Create(_folder);
        SelfSignedCertificate.WritePemFiles(options.Server.CertificateFile!, options.Server.CertificateKeyFile!, TimeProvider.System, "localhost");
        return options;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
