using Hyok.Server.Tests.Support;
using Hyok.Storage.PostgreSql;
using Hyok.Testing;

namespace Hyok.Server.Tests.Fleet;

/// <summary>
/// Honest health of a fleet (issue 8): <c>xksProxyFleetSize</c> counts the live instances by their heartbeats and
/// <c>ekmFleetDetails</c> lists the key managers they reported, this instance's first with its own fresh status.
/// </summary>
public sealed class PostgreSqlFleetHealthTests
{
    [Fact]
    public async Task Health_SecondInstanceJoinsThenStops_FleetSizeFollowsTheHeartbeats()
    {
        await using var running = await RunningPostgreSqlProxy.StartAsync();
        var proxy = running.Proxy;
        Assert.Equal(1, await FleetSizeAsync(proxy));
        using (var response = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default))
        {
            var detail = Assert.Single((await XksAssert.OkAsync(response))["ekmFleetDetails"]!.AsArray());
            Assert.Equal("Hyok sealed software key store (PostgreSQL) 0.1", detail!["model"]!.GetValue<string>());
        }

        await using var connector = PostgreSqlConnector.Create(proxy.Options.Storage.PostgreSql);
        var second = await InstanceHeartbeat.StartAsync(connector, "test-instance-2", "0.0.0", TimeSpan.FromMilliseconds(200), () => 0);
        second.KeyManager = () => new Hyok.Protocol.EkmFleetDetail("hsm-of-instance-2", "Other HSM 7.1", "DEGRADED");
        bool grew = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), async () => await FleetSizeAsync(proxy) == 2);
        bool listed = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), async () => (await KeyManagersAsync(proxy)).Count == 2);
        var managers = await KeyManagersAsync(proxy);
        await second.DisposeAsync();
        bool shrank = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), async () => await FleetSizeAsync(proxy) == 1);

        Assert.True(grew, "xksProxyFleetSize never counted the second instance");
        Assert.True(listed, "ekmFleetDetails never listed the second instance's key manager");
        Assert.Equal(("Hyok sealed software key store (PostgreSQL) 0.1", "ACTIVE"), (managers[0].Model, managers[0].Status));
        Assert.Equal(("hsm-of-instance-2", "Other HSM 7.1", "DEGRADED"), managers[1]);
        Assert.True(shrank, "xksProxyFleetSize still counts the stopped instance");
    }

    private static async Task<List<(string Id, string Model, string Status)>> KeyManagersAsync(ProxyFixture proxy)
    {
        using var response = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default);
        return [.. (await XksAssert.OkAsync(response))["ekmFleetDetails"]!.AsArray()
            .Select(d => (d!["id"]!.GetValue<string>(), d["model"]!.GetValue<string>(), d["healthStatus"]!.GetValue<string>()))];
    }

    private static async Task<int> FleetSizeAsync(ProxyFixture proxy)
    {
        using var response = await proxy.AlphaClient.SendAsync("health", XksBodies.Health(), default);
        return (await XksAssert.OkAsync(response))["xksProxyFleetSize"]!.GetValue<int>();
    }
}
