using System.Security.Cryptography.X509Certificates;
using Hyok.Server.Tests.Metrics;
using Hyok.Server.Tests.Support;
using Hyok.Server.Tls;
using Hyok.Testing;

namespace Hyok.Server.Tests.Tls;

public sealed partial class CertificateReloadTests
{
    [Fact]
    public async Task Start_CertificateExpiringWithinTheWarningDays_LogsAWarning()
    {
        var warning = Assert.Single(_proxy.Logs.Entries, e => e.EventId == 1102);

        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("CN=localhost expires on", warning.Line, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    /// <summary>A self-signed ECDSA pair for localhost valid for <paramref name="days"/> from the clock's now (minus a day).</summary>
    private static void WritePair(string certificateFile, string keyFile, TimeProvider time, int days)
    {
        File.Delete(keyFile);
        SelfSignedCertificate.WritePemFiles(certificateFile, keyFile, time, CertificateKeySpec.EcdsaP256, days, ["localhost"]);
    }

    /// <summary>Writes a new pair over the served files (key first, then certificate, as a renewal script might); returns its thumbprint.</summary>
    private string Replace(TimeProvider time, int days)
    {
        var (certificate, key) = (Scratch("renewed.crt"), Scratch("renewed.key"));
        WritePair(certificate, key, time, days);
        File.Copy(key, _proxy.Options.Server.CertificateKeyFile!, overwrite: true);
        File.Copy(certificate, _proxy.Options.Server.CertificateFile!, overwrite: true);
        using var written = X509Certificate2.CreateFromPem(File.ReadAllText(certificate));
        return written.Thumbprint;
    }

    private string Scratch(string name) => Path.Combine(_proxy.Folder, name);

    private Task<bool> ServedWithinAsync(string thumbprint) =>
        Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () => await TlsProbe.ServedThumbprintAsync(Port) == thumbprint);

    /// <summary>Every expiry gauge sample of the scrape (servers of other test classes share the meter name).</summary>
    private async Task<IReadOnlyList<double>> ExpiryDaysAsync()
    {
        var scrape = await PrometheusScrape.GetAsync(new Uri(_proxy.Services.MetricsAddress(), "/metrics"));
        return [.. scrape.Matching("hyok_tls_certificate_expiry_days").Select(s => s.Value)];
    }
}
