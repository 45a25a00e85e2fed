namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="InstanceHeartbeat"/> against the real PostgreSQL: register, beat, stop, refuse a duplicate live id.</summary>
public sealed class InstanceHeartbeatTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_NewInstance_RegistersLiveRowWithVersionAndDatabaseTime()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();

        await using var heartbeat = await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "1.2.3", Interval, () => 0);

        var instance = Assert.Single(await FleetInstances.ListAsync(db.Connector, heartbeat.LiveWindow));
        long skewMs = await db.Db.Database.ScalarAsync<long>(
            "SELECT abs((extract(epoch from now()) * 1000)::bigint - started_at) FROM instances WHERE id = 'web-1'");
        Assert.Equal(("web-1", "1.2.3", FleetInstanceState.Live, (DateTimeOffset?)null), (instance.Id, instance.Version, instance.State, instance.StoppedAt));
        Assert.InRange(skewMs, 0, 60_000);
        Assert.Equal(heartbeat.Nonce, await db.Db.Database.ScalarAsync<string>("SELECT nonce FROM instances WHERE id = 'web-1'"));
        Assert.Equal(1, await FleetInstances.CountLiveAsync(db.Connector, heartbeat.LiveWindow));
        Assert.Null(heartbeat.LastError);
    }

    [Fact]
    public async Task Heartbeat_EveryInterval_AdvancesHeartbeatAndStoresLoad()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var heartbeat = await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "1.2.3", Interval, () => 42.5);
        long first = await db.Db.Database.ScalarAsync<long>("SELECT heartbeat_at FROM instances");
        long started = await db.Db.Database.ScalarAsync<long>("SELECT started_at FROM instances");

        Assert.True(await Eventually.WithinAsync(Bound, () => heartbeat.Beats >= 4), $"beats: {heartbeat.Beats}, last error: {heartbeat.LastError}");

        Assert.True(await db.Db.Database.ScalarAsync<long>("SELECT heartbeat_at FROM instances") > first);
        Assert.Equal(42.5, await db.Db.Database.ScalarAsync<double>("SELECT load FROM instances"));
        Assert.Equal(started, await db.Db.Database.ScalarAsync<long>("SELECT started_at FROM instances"));
    }

    [Fact]
    public async Task DisposeAsync_RunningInstance_MarksItStoppedAndNotLive()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        var heartbeat = await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "1.2.3", Interval, () => 7);

        await heartbeat.DisposeAsync();

        var instance = Assert.Single(await FleetInstances.ListAsync(db.Connector, heartbeat.LiveWindow));
        Assert.Equal(FleetInstanceState.Stopped, instance.State);
        Assert.NotNull(instance.StoppedAt);
        Assert.Equal(0, instance.Load);
        Assert.Equal(0, await FleetInstances.CountLiveAsync(db.Connector, heartbeat.LiveWindow));
    }

    [Fact]
    public async Task StartAsync_SameIdLiveInAnotherProcess_RefusedAndFirstKeepsTheRow()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var first = await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "1.2.3", Interval, () => 0);

        var error = await Assert.ThrowsAsync<HyokStoreException>(() => InstanceHeartbeat.StartAsync(db.Connector, "web-1", "1.2.4", Interval, () => 0));

        Assert.StartsWith("instance id 'web-1' is in use by another live process (Hyok 1.2.3, last heartbeat ", error.Message, StringComparison.Ordinal);
        Assert.Contains("give every instance its own id", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Nonce, await db.Db.Database.ScalarAsync<string>("SELECT nonce FROM instances WHERE id = 'web-1'"));
        Assert.Equal("1.2.3", await db.Db.Database.ScalarAsync<string>("SELECT version FROM instances WHERE id = 'web-1'"));
    }

    [Fact]
    public async Task StartAsync_SameIdStoppedOrStale_TakesTheRowOver()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await (await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "1.0.0", Interval, () => 0)).DisposeAsync();
        await db.Db.Database.ExecuteAsync("INSERT INTO instances (id, version, started_at, heartbeat_at, nonce) "
            + "VALUES ('web-2', '1.0.0', 0, (extract(epoch from now()) * 1000)::bigint - 10000, 'died')");

        await using var one = await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "2.0.0", Interval, () => 0);
        await using var two = await InstanceHeartbeat.StartAsync(db.Connector, "web-2", "2.0.0", Interval, () => 0);

        var instances = await FleetInstances.ListAsync(db.Connector, one.LiveWindow);
        Assert.Equal([("web-1", "2.0.0", FleetInstanceState.Live), ("web-2", "2.0.0", FleetInstanceState.Live)], instances.Select(i => (i.Id, i.Version, i.State)));
        Assert.All(instances, i => Assert.True(i.StartedAt.ToUnixTimeMilliseconds() > 0));
    }
}
