namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="PostgreSqlMigrator"/> against a real PostgreSQL server (<see cref="PostgresServer"/>).</summary>
public sealed class PostgreSqlMigratorTests
{
    private static readonly string[] FleetTables =
    [
        "audit_records", "blocks", "credentials", "hardware_key_versions", "hardware_keys", "instances", "key_versions",
        "keys", "meta", "policies", "policy_versions", "schema_migrations", "store_generation",
    ];

    [Fact]
    public void Known_EmbeddedMigrations_NumberedFromOneWithChecksums()
    {
        var known = PostgreSqlMigrator.Known;

        Assert.NotEmpty(known);
        Assert.Equal(Enumerable.Range(1, known.Count), known.Select(m => m.Version));
        Assert.All(known, m => Assert.Matches("^[0-9a-f]{64}$", m.Checksum));
        Assert.Equal("fleet_tables", known[0].Name);
    }

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_CreatesEveryTableAndRecordsEachMigration()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        await using var connector = db.Connector();

        var applied = await db.Migrator(connector).MigrateAsync();

        Assert.Equal(PostgreSqlMigrator.Known, applied);
        Assert.Equal(FleetTables, await db.TablesAsync());
        Assert.Equal(PostgreSqlMigrator.Known.Count, await db.Database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(PostgreSqlMigrator.Known[0].Checksum, await db.Database.ScalarAsync<string>("SELECT checksum FROM schema_migrations WHERE version = 1"));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        await using var connector = db.Connector();
        await db.Migrator(connector).MigrateAsync();

        var second = await db.Migrator(connector).MigrateAsync();

        Assert.Empty(second);
        Assert.Equal(PostgreSqlMigrator.Known.Count, await db.Database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_ThreeInstancesAtOnce_EachMigrationAppliedExactlyOnce()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        var connectors = Enumerable.Range(0, 3).Select(_ => db.Connector()).ToList();
        using var start = new ManualResetEventSlim();

        var runs = connectors.Select(c => Task.Run(async () =>
        {
            start.Wait();
            return await db.Migrator(c).MigrateAsync();
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(runs);

        Assert.Equal(PostgreSqlMigrator.Known, results.SelectMany(r => r).OrderBy(m => m.Version));
        Assert.Equal(PostgreSqlMigrator.Known.Count, await db.Database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(FleetTables, await db.TablesAsync());
        foreach (var connector in connectors)
        {
            await connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task MigrateAsync_DatabaseNotUtf8_RefusedNamingTheEncodingNothingApplied()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync(encoding: "SQL_ASCII");
        await using var connector = db.Connector();

        var error = await Assert.ThrowsAsync<HyokStoreException>(() => db.Migrator(connector).MigrateAsync());

        Assert.Contains("the database's encoding is SQL_ASCII; Hyok needs UTF8", error.Message, StringComparison.Ordinal);
        Assert.Empty(await db.TablesAsync());
    }

    [Fact]
    public async Task MigrateAsync_TamperedChecksum_RefusedNothingApplied()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        await using var connector = db.Connector();
        await db.Migrator(connector).MigrateAsync();
        await db.Database.ExecuteAsync("UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = 1");

        var error = await Assert.ThrowsAsync<HyokStoreException>(() => db.Migrator(connector).MigrateAsync());
        var status = await db.Migrator(connector).StatusAsync();

        Assert.Contains("migration 1 (fleet_tables) was applied with checksum 0000", error.Message, StringComparison.Ordinal);
        Assert.Contains("refusing to migrate", error.Message, StringComparison.Ordinal);
        Assert.Single(status.Problems);
    }

    [Fact]
    public async Task MigrateAsync_NewerSchema_RefusedWithUpgradeHint()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        await using var connector = db.Connector();
        await db.Migrator(connector).MigrateAsync();
        await db.Database.ExecuteAsync("INSERT INTO schema_migrations VALUES (999, 'from_the_future', repeat('a', 64), now())");

        var error = await Assert.ThrowsAsync<HyokStoreException>(() => db.Migrator(connector).MigrateAsync());

        Assert.Contains("migration 999 (from_the_future), newer than this Hyok knows", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade Hyok", error.Message, StringComparison.Ordinal);
    }
}
