using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hyok.Server.Tests.Support;
using Hyok.Testing;

namespace Hyok.Server.Tests.Tls;

/// <summary>
/// A client CA rotation without restart (docs/operations.md, Certificates): a changed CA bundle is used by new handshakes
/// within the reload interval (first both roots, then only the new one); an unusable bundle is logged and the current
/// one stays, so a broken file neither lets other clients in nor locks KMS out. Each test has its own server polling every second.
/// </summary>
public sealed class MutualTlsReloadTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly MutualTlsProxy _server = new() { ReloadIntervalSeconds = 1 };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reload_RotatedBundle_NewHandshakesAreCheckedAgainstIt()
    {
        using var fromOld = _server.Authority.Issue(MutualTlsProxy.AllowedName);
        using var fromNew = _server.OtherAuthority.Issue(MutualTlsProxy.AllowedName);
        Assert.True(await AcceptedAsync(fromOld));
        Assert.False(await AcceptedAsync(fromNew));

        WriteBundle(_server.Authority.Root.ExportCertificatePem() + "\n" + _server.OtherAuthority.Root.ExportCertificatePem() + "\n");
        Assert.True(await Eventually.WithinAsync(Within, async () => await AcceptedAsync(fromNew)), "the new root was not trusted within 30 s");
        Assert.True(await AcceptedAsync(fromOld));

        WriteBundle(_server.OtherAuthority.Root.ExportCertificatePem() + "\n");
        Assert.True(await Eventually.WithinAsync(Within, async () => !await AcceptedAsync(fromOld)), "the old root was still trusted after 30 s");
        Assert.True(await AcceptedAsync(fromNew));
        Assert.Equal(2, _server.Proxy.Services.GetClientAuthority().Generation);
        Assert.Equal(2, _server.Proxy.Logs.Entries.Count(e => e.EventId == 1105));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("half-written")]
    [InlineData("half-written second root")]
    [InlineData("empty")]
    public async Task Reload_UnusableBundle_KeepsTheCurrentOneAndLogsWhy(string kind)
    {
        using var fromOld = _server.Authority.Issue(MutualTlsProxy.AllowedName);
        using var fromOther = _server.OtherAuthority.Issue(MutualTlsProxy.AllowedName);
        var (old, other) = (_server.Authority.Root.ExportCertificatePem() + "\n", _server.OtherAuthority.Root.ExportCertificatePem());

        // A writer caught halfway: the new bundle would lock out clients of the root it has not reached yet.
        WriteBundle(kind switch
        {
            "garbage" => "not a certificate\n",
            "half-written" => other[..(other.Length / 2)],
            "half-written second root" => other + "\n" + old[..(old.Length / 2)],
            _ => "",
        });

        Assert.True(await Eventually.WithinAsync(Within, () => _server.Proxy.Logs.Entries.Any(e => e.EventId == 1106)), "no rejection logged");
        Assert.True(await AcceptedAsync(fromOld));
        Assert.False(await AcceptedAsync(fromOther));
        Assert.Equal(0, _server.Proxy.Services.GetClientAuthority().Generation);
    }

    /// <summary>Replaces the bundle in one step (write a new file, rename it over), as operators should.</summary>
    private void WriteBundle(string pem)
    {
        var next = _server.BundleFile + ".next";
        File.WriteAllText(next, pem);
        File.Move(next, _server.BundleFile, overwrite: true);
    }

    /// <summary>Whether a health request presenting <paramref name="certificate"/> is answered (a refused handshake is not).</summary>
    private async Task<bool> AcceptedAsync(X509Certificate2 certificate)
    {
        using var http = _server.HttpClientWith(certificate);
        var client = _server.Proxy.Client(_server.Proxy.AlphaCredential, http: http);
        try
        {
            using var response = await client.SendAsync("health", XksBodies.Health(), default);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return false;
        }
    }
}
