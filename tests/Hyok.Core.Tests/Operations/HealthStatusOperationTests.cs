using Hyok.Operations;
using Hyok.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Core.Tests.Operations;

public sealed class HealthStatusOperationTests
{
    private readonly FakeKeyBackend _backend = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Execute_HealthyBackend_ReportsActiveAndConfiguredFleetSize()
    {
        using var health = Create(fleetSize: 3);

        var response = await health.ExecuteAsync(default);

        Assert.Equal(3, response.XksProxyFleetSize);
        Assert.Equal("ACTIVE", Assert.Single(response.EkmFleetDetails).HealthStatus);
        Assert.Equal("fake-1", response.EkmFleetDetails[0].Id);
        Assert.Equal("Fake", response.EkmVendor);
    }

    [Fact]
    public async Task Execute_BackendCannotDoCrypto_ReportsUnavailable()
    {
        _backend.Healthy = false;
        using var health = Create();

        var response = await health.ExecuteAsync(default);

        Assert.Equal("UNAVAILABLE", response.EkmFleetDetails[0].HealthStatus);
    }

    [Fact]
    public async Task Execute_WithinCacheDuration_ReusesResult_ThenProbesAgain()
    {
        using var health = Create(cache: TimeSpan.FromSeconds(60));

        await health.ExecuteAsync(default);
        _backend.Healthy = false;
        _time.Advance(TimeSpan.FromSeconds(59));
        var cached = await health.ExecuteAsync(default);
        _time.Advance(TimeSpan.FromSeconds(2));
        var fresh = await health.ExecuteAsync(default);

        Assert.Equal("ACTIVE", cached.EkmFleetDetails[0].HealthStatus);
        Assert.Equal("UNAVAILABLE", fresh.EkmFleetDetails[0].HealthStatus);
        Assert.Equal(2, _backend.Probes);
    }

    [Fact]
    public async Task Execute_Unavailable_IsReusedForOneSecondOnly()
    {
        _backend.Healthy = false;
        using var health = Create(cache: TimeSpan.FromSeconds(60));

        var down = await health.ExecuteAsync(default);
        _backend.Healthy = true;
        _time.Advance(TimeSpan.FromMilliseconds(900));
        var stillCached = await health.ExecuteAsync(default);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        var recovered = await health.ExecuteAsync(default);
        _time.Advance(TimeSpan.FromSeconds(30));
        var cachedHealthy = await health.ExecuteAsync(default);

        Assert.Equal("UNAVAILABLE", down.EkmFleetDetails[0].HealthStatus);
        Assert.Equal("UNAVAILABLE", stillCached.EkmFleetDetails[0].HealthStatus);
        Assert.Equal("ACTIVE", recovered.EkmFleetDetails[0].HealthStatus);
        Assert.Equal("ACTIVE", cachedHealthy.EkmFleetDetails[0].HealthStatus);
        Assert.Equal(2, _backend.Probes);
    }

    [Fact]
    public async Task WarmUp_ProbesWithoutRecording_NextExecuteProbesAgain()
    {
        _backend.Healthy = false;
        using var health = Create(cache: TimeSpan.FromSeconds(60));

        await health.WarmUpAsync(default);
        _backend.Healthy = true;
        var response = await health.ExecuteAsync(default);

        Assert.Equal("ACTIVE", response.EkmFleetDetails[0].HealthStatus);
        Assert.Equal(2, _backend.Probes);
    }

    [Fact]
    public async Task WarmUp_Cancelled_DoesNotThrow()
    {
        _backend.CallDelay = TimeSpan.FromSeconds(30);
        using var health = Create();

        await health.WarmUpAsync(new CancellationToken(canceled: true));

        Assert.Equal(1, _backend.Probes);
    }

    [Theory]
    [InlineData(30_000, 50, "UNAVAILABLE")]
    [InlineData(2_100, 4_000, "DEGRADED")] // 1.9 s of slack: a loaded machine must not turn it UNAVAILABLE
    public async Task Execute_SlowProbe_ReportsByShareOfTheDeadline(int probeMilliseconds, int deadlineMilliseconds, string expected)
    {
        _backend.CallDelay = TimeSpan.FromMilliseconds(probeMilliseconds);
        var deadline = new BackendDeadline(TimeSpan.FromMilliseconds(deadlineMilliseconds), TimeProvider.System);
        using var health = new HealthStatusOperation(_backend, new HealthOptions(1, TimeSpan.FromSeconds(10)), deadline, TimeProvider.System);

        var response = await health.ExecuteAsync(default);

        Assert.Equal(expected, response.EkmFleetDetails[0].HealthStatus);
    }

    [Fact]
    public async Task Execute_FleetKeyManagers_OwnFirstWithFreshStatusThenOthersByIdAtMostTen()
    {
        var others = Enumerable.Range(0, 12).Select(i => new EkmFleetDetail($"hsm-{i:00}", "HSM", "ACTIVE"))
            .Append(new EkmFleetDetail("fake-1", "Fake", "UNAVAILABLE")).Reverse().ToList();
        var options = new HealthOptions(1, TimeSpan.FromSeconds(10), () => 13, () => others);
        using var health = new HealthStatusOperation(_backend, options, new BackendDeadline(TimeSpan.FromSeconds(5), _time), _time);

        var response = await health.ExecuteAsync(default);

        Assert.Equal(13, response.XksProxyFleetSize);
        Assert.Equal(10, response.EkmFleetDetails.Count);
        Assert.Equal(("fake-1", "ACTIVE"), (response.EkmFleetDetails[0].Id, response.EkmFleetDetails[0].HealthStatus));
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"hsm-{i:00}"), response.EkmFleetDetails.Skip(1).Select(d => d.Id));
        Assert.Equal(new EkmFleetDetail("fake-1", _backend.Model, "ACTIVE"), health.LastReport);
    }

    private HealthStatusOperation Create(int fleetSize = 1, TimeSpan? cache = null) =>
        new(_backend, new HealthOptions(fleetSize, cache ?? TimeSpan.FromSeconds(10)), new BackendDeadline(TimeSpan.FromSeconds(5), _time), _time);
}
