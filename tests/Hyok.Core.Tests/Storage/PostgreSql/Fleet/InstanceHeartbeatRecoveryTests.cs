namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="InstanceHeartbeat"/> while the database refuses it: reported, never thrown, and back by itself.</summary>
public sealed class InstanceHeartbeatRecoveryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Heartbeat_LoginRevokedThenRestored_ReportsErrorThenRecoversWithoutRestart()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var heartbeat = await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "1.2.3", TimeSpan.FromMilliseconds(100), () => 5);

        await db.SetReachableAsync(false);
        bool reported = await Eventually.WithinAsync(Bound, () => heartbeat.LastError is not null);
        string? error = heartbeat.LastError;
        await db.SetReachableAsync(true);
        bool recovered = await Eventually.WithinAsync(Bound, () => heartbeat.LastError is null);
        long beats = heartbeat.Beats;
        bool beating = await Eventually.WithinAsync(Bound, () => heartbeat.Beats > beats + 1);

        Assert.True(reported, "no error reported while the login was refused");
        Assert.Contains($"/{db.Db.Database.Name} as {db.Db.Database.User}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(db.Db.Database.Password, error, StringComparison.Ordinal);
        Assert.True(recovered, $"still failing: {heartbeat.LastError}");
        Assert.True(beating, "no heartbeats after the database came back");
        Assert.Equal(1, await FleetInstances.CountLiveAsync(db.Connector, heartbeat.LiveWindow));
    }

    [Fact]
    public async Task Heartbeat_LoadCallbackThrows_KeepsBeatingWithZeroLoad()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        int calls = 0;
        await using var heartbeat = await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "1.2.3", TimeSpan.FromMilliseconds(100),
            () => Interlocked.Increment(ref calls) > 0 ? throw new InvalidOperationException("broken") : 1);

        Assert.True(await Eventually.WithinAsync(Bound, () => heartbeat.Beats >= 3), $"last error: {heartbeat.LastError}");

        Assert.Null(heartbeat.LastError);
        Assert.Equal(0, await db.Db.Database.ScalarAsync<double>("SELECT load FROM instances"));
    }
}
