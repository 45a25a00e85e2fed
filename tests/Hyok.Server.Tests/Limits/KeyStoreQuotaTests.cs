using Hyok.Server.Tests.Control;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Limits;

/// <summary>Per-logical-key-store rate quota: alpha 0.5 requests/s with a burst of 3; beta has no quota.</summary>
public sealed class KeyStoreQuotaTests : IAsyncLifetime
{
    private readonly SoftwareProxyFixture _proxy = new()
    {
        Configure = options =>
        {
            var alpha = options.KeyStores.Single(s => s.Name == ProxyFixture.Alpha);
            alpha.RateLimitPerSecond = 0.5;
            alpha.RateLimitBurst = 3;
        },
    };

    public Task InitializeAsync() => _proxy.InitializeAsync();

    public Task DisposeAsync() => _proxy.DisposeAsync();

    [Fact]
    public async Task Encrypt_OverBurst_ThrottledThenAdmittedAfterRefill()
    {
        for (var i = 0; i < 3; i++)
        {
            await _proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt([1]));
        }

        // A token comes back every 2 s: the fourth request, well inside that, finds the bucket empty.
        var over = XksBodies.Encrypt([2]);
        await _proxy.AlphaClient.ExpectErrorAsync("keys/k-both/encrypt", over, 429, "ThrottlingException");
        var record = AuditLookup.Of(_proxy.AuditFolder, over);
        Assert.Equal(("ThrottlingException", 429), (record.Outcome, record.Status));

        // Other key stores and GetHealthStatus are not counted against alpha's quota.
        await _proxy.Client(_proxy.BetaCredential).EncryptAsync("b-key", XksBodies.Encrypt([3]));
        using (var health = await _proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default))
        {
            await XksAssert.OkAsync(health);
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await _proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt([4]));
    }
}
