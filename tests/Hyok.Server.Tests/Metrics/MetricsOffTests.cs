using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Metrics;

/// <summary>Without <c>Hyok:Metrics:Listen</c> nothing but the XKS listener is bound.</summary>
public sealed class MetricsOffTests(SoftwareProxyFixture proxy) : IClassFixture<SoftwareProxyFixture>
{
    [Fact]
    public void Defaults_MetricsListen_IsUnset()
    {
        Assert.False(new HyokOptions().Metrics.Enabled);
        Assert.Null(new HyokOptions().Metrics.Listen);
    }

    [Fact]
    public async Task Server_MetricsOff_OnlyTheXksListenerIsBound()
    {
        Assert.False(proxy.Options.Metrics.Enabled);
        var address = Assert.Single(proxy.Services.All());
        Assert.Equal(Uri.UriSchemeHttps, address.Scheme);

        // And on that listener /metrics is just another unknown XKS path.
        using var response = await proxy.Http.GetAsync(new Uri(proxy.BaseUri, "/metrics"));
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("InvalidUriPathException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
