using System.Text.Json.Nodes;
using Hyok.Cli.Tests.Support;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok fleet status</c> against instances registered by the real <see cref="InstanceHeartbeat"/> in a real PostgreSQL.</summary>
public sealed class FleetCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>web-1 live (load 12.5), web-2 stopped, web-3 stale (its last heartbeat 10 s ago by the database clock).</summary>
    private static async Task<InstanceHeartbeat> ThreeInstancesAsync(PostgresConfig db)
    {
        var live = await InstanceHeartbeat.StartAsync(db.Connector, "web-1", "9.9.9", Interval, () => 12.5);
        await (await InstanceHeartbeat.StartAsync(db.Connector, "web-2", "9.9.8", Interval, () => 3)).DisposeAsync();
        await db.Database.ExecuteAsync("INSERT INTO instances (id, version, started_at, heartbeat_at, load, nonce) "
            + "VALUES ('web-3', '9.9.7', 0, (extract(epoch from now()) * 1000)::bigint - 10000, 4, 'gone')");
        return live;
    }

    [Fact]
    public async Task Status_ThreeInstances_TableShowsEachStateAndTheLiveCount()
    {
        await using var db = await PostgresConfig.CreateMigratedAsync(data);
        await using var live = await ThreeInstancesAsync(db);

        var result = await data.Cli.RunAsync("fleet", "status", "--config", db.ConfigFile);

        CliAssert.Succeeded(result);
        Assert.Contains($"Database:   127.0.0.1:{db.Database.Port}/{db.Database.Name} as {db.Database.User} (SSL mode Prefer)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\nINSTANCE +VERSION +STATE +STARTED +LAST HEARTBEAT +LOAD\n", result.Stdout);
        Assert.Matches(@"\nweb-1 +9\.9\.9 +live +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \d+\.\d s ago +12\.5\n", result.Stdout);
        Assert.Matches(@"\nweb-2 +9\.9\.8 +stopped +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (\d+\.\d s|\d+ min) ago +0\n", result.Stdout);
        Assert.Matches(@"\nweb-3 +9\.9\.7 +stale +1970-01-01T00:00:00Z (\d\d\.\d s|\d+ min) ago +4\n", result.Stdout);
        Assert.EndsWith("Live: 1 of 3 instance(s) (a heartbeat within 3 s by the database clock).\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_ListsInstancesWithStatesAndLiveCount()
    {
        await using var db = await PostgresConfig.CreateMigratedAsync(data);
        await using var live = await ThreeInstancesAsync(db);

        var result = await data.Cli.RunAsync("fleet", "status", "--json", "--config", db.ConfigFile);

        CliAssert.Succeeded(result);
        var json = JsonNode.Parse(result.Stdout)!;
        var instances = json["instances"]!.AsArray();
        Assert.Equal(1, json["live"]!.GetValue<int>());
        Assert.Equal(3000, json["liveWindowMs"]!.GetValue<long>());
        Assert.Equal(["web-1:live", "web-2:stopped", "web-3:stale"], instances.Select(i => $"{i!["id"]}:{i["state"]}"));
        Assert.Equal(12.5, instances[0]!["load"]!.GetValue<double>());
        Assert.Equal("9.9.9", instances[0]!["version"]!.GetValue<string>());
        Assert.Null(instances[0]!["stoppedAt"]);
        Assert.NotNull(instances[1]!["stoppedAt"]);
        Assert.InRange(instances[2]!["heartbeatAgeMs"]!.GetValue<long>(), 10_000, 600_000);
    }

    [Fact]
    public async Task Status_SqliteStorage_UsageErrorSayingItNeedsPostgreSql()
    {
        var result = await data.Cli.RunAsync("fleet", "status");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hyok: the fleet view needs PostgreSQL storage (Hyok:Storage:Provider postgresql", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        CliAssert.NoStackTrace(result);
    }
}
