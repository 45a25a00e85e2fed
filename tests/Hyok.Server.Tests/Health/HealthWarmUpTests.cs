using Hyok.Server.Tests.Support;
using Hyok.Testing;

namespace Hyok.Server.Tests.Health;

/// <summary>
/// The server probes its backend once when it starts, before any GetHealthStatus, so that KMS's first health check
/// (e.g. at ConnectCustomKeyStore) finds a warm backend instead of a cold PKCS#11 token slower than the deadline.
/// </summary>
public sealed class HealthWarmUpTests : IAsyncLifetime
{
    private GatedKeyBackend _backend = null!;
    private ProxyFixture _proxy = null!;

    public async Task InitializeAsync()
    {
        _proxy = new SoftwareProxyFixture { DecorateBackend = inner => _backend = new GatedKeyBackend(inner) };
        await _proxy.InitializeAsync();
    }

    public Task DisposeAsync() => _proxy.DisposeAsync();

    [Fact]
    public async Task Start_WithoutAnyRequest_ProbesTheBackendOnce()
    {
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => _backend.Probes >= 1), "no warm-up probe after start");

        using var response = await _proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default);

        var body = await XksAssert.OkAsync(response);
        Assert.Equal("ACTIVE", body["ekmFleetDetails"]![0]!["healthStatus"]!.GetValue<string>());
        Assert.Equal(2, _backend.Probes); // the warm-up recorded nothing: the health request probed for itself
    }
}
