using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Server.Tests.Configuration;

/// <summary>Validation of <c>Hyok:Metrics</c> and <c>Hyok:Logging</c>.</summary>
public sealed class ObservabilityOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-observability-").FullName;

    [Theory]
    [InlineData(null)]
    [InlineData("127.0.0.1:9464")]
    [InlineData("localhost:9464")]
    [InlineData("[::1]:9464")]
    public void Validate_GoodMetricsListen_NoProblems(string? listen)
    {
        var options = Good();
        options.Metrics.Listen = listen;

        Assert.Empty(HyokOptionsValidator.Validate(options));
    }

    [Theory]
    [InlineData("9464", "is not IP:port")]
    [InlineData("metrics.example:9464", "is not IP:port")]
    [InlineData("127.0.0.1:8443", "also an XKS port")]
    public void Validate_BadMetricsListen_IsAProblem(string listen, string expected)
    {
        var options = Good();
        options.Server.Listen.Clear();
        options.Server.Listen.Add("127.0.0.1:8443");
        options.Metrics.Listen = listen;

        var problem = Assert.Single(HyokOptionsValidator.Validate(options));
        Assert.Contains("Hyok:Metrics:Listen", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", true)]
    [InlineData("JSON", true)]
    [InlineData("xml", false)]
    [InlineData("", false)]
    public void Validate_LoggingFormat_OnlyTextOrJson(string format, bool valid)
    {
        var options = Good();
        options.Logging.Format = format;

        var problems = HyokOptionsValidator.Validate(options);

        Assert.Equal(valid, problems.Count == 0);
        Assert.All(problems, p => Assert.Contains("Hyok:Logging:Format", p, StringComparison.Ordinal));
    }

    private HyokOptions Good()
    {
        var options = TestConfiguration.Create(_folder);
        SelfSignedCertificate.WritePemFiles(options.Server.CertificateFile!, options.Server.CertificateKeyFile!, TimeProvider.System, "localhost");
        return options;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
