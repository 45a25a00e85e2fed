using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;

namespace Hyok.Server.Tests.Configuration;

/// <summary>Validation of <c>Hyok:Server:Connections</c>.</summary>
public sealed class ConnectionLimitsOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-connections-").FullName;

    [Fact]
    public void Validate_Defaults_NoProblems()
    {
        Assert.Empty(HyokOptionsValidator.Validate(Good()));
    }

    [Fact]
    public void Validate_BadConnectionLimits_ReportsEach()
    {
        var options = Good();
        var limits = options.Server.Connections;
        limits.MaxRequestHeaderBytes = 100;
        limits.MaxRequestHeaderCount = 0;
        limits.MaxRequestLineBytes = 10;
        limits.RequestHeadersTimeoutMilliseconds = 10;
        limits.RequestBodyTimeoutMilliseconds = 0;
        limits.KeepAliveTimeoutSeconds = 0;
        limits.TlsHandshakeTimeoutMilliseconds = 0;
        limits.MaxConcurrentConnections = 0;
        limits.MinRequestBodyBytesPerSecond = -1;
        limits.MinResponseBytesPerSecond = -1;
        limits.DataRateGracePeriodSeconds = 1;
        limits.Http2.MaxStreamsPerConnection = 0;
        limits.Http2.HeaderTableSize = -1;
        limits.Http2.MaxFrameSize = 1000;
        limits.Http2.InitialConnectionWindowSize = 1000;
        limits.Http2.InitialStreamWindowSize = 1000;

        var problems = HyokOptionsValidator.Validate(options);

        string[] expected = ["MaxRequestHeaderBytes", "MaxRequestHeaderCount", "MaxRequestLineBytes", "RequestHeadersTimeoutMilliseconds",
            "RequestBodyTimeoutMilliseconds", "KeepAliveTimeoutSeconds", "TlsHandshakeTimeoutMilliseconds", "MaxConcurrentConnections",
            "MinRequestBodyBytesPerSecond", "MinResponseBytesPerSecond", "DataRateGracePeriodSeconds", "Http2:MaxStreamsPerConnection",
            "Http2:HeaderTableSize", "Http2:MaxFrameSize", "Http2:InitialConnectionWindowSize", "Http2:InitialStreamWindowSize"];
        Assert.All(expected, word => Assert.Contains(problems, p => p.Contains($"Hyok:Server:Connections:{word} must be", StringComparison.Ordinal)));
    }

    private HyokOptions Good()
    {
        var options = TestConfiguration.Create(_folder);
        SelfSignedCertificate.WritePemFiles(options.Server.CertificateFile!, options.Server.CertificateKeyFile!, TimeProvider.System, "localhost");
        return options;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
