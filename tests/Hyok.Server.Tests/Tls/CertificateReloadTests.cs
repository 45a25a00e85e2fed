using Hyok.Server.Tests.Metrics;
using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;
using Hyok.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Server.Tests.Tls;

/// <summary>
/// Renewals without restart (docs/operations.md, Certificates): a new certificate and key on disk are served to new
/// handshakes, open connections keep working, the expiry gauge follows; an unusable replacement is logged and the
/// current certificate stays. Each test has its own server (polling every second) whose first certificate has 17 days left.
/// </summary>
[Collection(Metrics.MetricsScrapeGroup.Name)]
public sealed partial class CertificateReloadTests : IAsyncLifetime
{
    private readonly SoftwareProxyFixture _proxy = new()
    {
        Configure = options =>
        {
            options.Server.Tls.ReloadIntervalSeconds = 1;
            options.Metrics.Listen = "127.0.0.1:0";
        },
        WriteCertificateFiles = (certificate, key) => WritePair(certificate, key, TimeProvider.System, 17),
    };

    private string _initial = "";

    private int Port => _proxy.BaseUri.Port;

    public async Task InitializeAsync()
    {
        await _proxy.InitializeAsync();
        _initial = await TlsProbe.ServedThumbprintAsync(Port);
    }

    public Task DisposeAsync() => _proxy.DisposeAsync();

    [Fact]
    public async Task Reload_NewPairOnDisk_NewHandshakesGetItAndOpenConnectionsKeepWorking()
    {
        await using var open = await TlsProbe.ConnectAsync(Port);
        Assert.Contains(await ExpiryDaysAsync(), d => d is > 15.5 and <= 17.01);

        var replacement = Replace(TimeProvider.System, 123);

        Assert.True(await ServedWithinAsync(replacement), "the new certificate was not served within 30 s");
        Assert.Equal("HTTP/1.1 200 OK", await open.PingAsync());
        var days = await ExpiryDaysAsync();
        Assert.Contains(days, d => d is > 121.5 and <= 123.01);
        Assert.DoesNotContain(days, d => d is > 15.5 and <= 17.01);
        Assert.Contains(_proxy.Logs.Entries, e => e.EventId == 1100 && e.Line.Contains(replacement, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("mismatched key")]
    [InlineData("expired")]
    [InlineData("half-written")]
    public async Task Reload_UnusableReplacement_KeepsTheCurrentCertificateAndLogsWhy(string kind)
    {
        var certificateFile = _proxy.Options.Server.CertificateFile!;
        var (newCertificate, newKey) = (Scratch("new.crt"), Scratch("new.key"));
        WritePair(newCertificate, newKey, kind == "expired" ? new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-100)) : TimeProvider.System, 30);
        var pem = File.ReadAllText(newCertificate);
        if (kind is "expired" or "half-written")
        {
            File.Copy(newKey, _proxy.Options.Server.CertificateKeyFile!, overwrite: true);
        }

        File.WriteAllText(certificateFile, kind switch { "garbage" => "not a certificate\n", "half-written" => pem[..(pem.Length / 2)], _ => pem });

        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () => _proxy.Logs.Entries.Any(e => e.EventId == 1101)), "no rejection logged");
        Assert.Equal(_initial, await TlsProbe.ServedThumbprintAsync(Port));
        Assert.Equal(0, _proxy.Services.GetCertificates().Generation);
    }
}
