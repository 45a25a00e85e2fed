namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="FleetInstances"/>: live, stale and stopped by the DATABASE clock, whatever the instances' clocks say.</summary>
public sealed class FleetInstancesTests
{
    [Fact]
    public async Task CountLiveAsync_RowsAroundTheWindow_CountsOnlyRecentUnstoppedByDatabaseClock()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        const string now = "(extract(epoch from now()) * 1000)::bigint";

        // started_at far in the future (a wrong instance clock) does not matter: only heartbeat_at against now() does.
        await db.Db.Database.ExecuteAsync($"""
            INSERT INTO instances (id, version, started_at, heartbeat_at, load, nonce, stopped_at) VALUES
                ('live-a', '1', 9999999999999, {now} - 500, 10, 'a', NULL),
                ('live-b', '1', 0, {now}, 20, 'b', NULL),
                ('stale', '1', 0, {now} - 3500, 30, 'c', NULL),
                ('stopped', '1', 0, {now}, 0, 'd', {now})
            """);

        int live = await FleetInstances.CountLiveAsync(db.Connector, TimeSpan.FromSeconds(3));
        var instances = await FleetInstances.ListAsync(db.Connector, TimeSpan.FromSeconds(3));

        Assert.Equal(2, live);
        Assert.Equal(
            [("live-a", FleetInstanceState.Live), ("live-b", FleetInstanceState.Live), ("stale", FleetInstanceState.Stale), ("stopped", FleetInstanceState.Stopped)],
            instances.Select(i => (i.Id, i.State)));
        Assert.InRange(instances[2].HeartbeatAge.TotalMilliseconds, 3500, 600_000);
        Assert.Equal(30, instances[2].Load);
    }
}
