namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="PostgreSqlMigrator.StatusAsync"/> against a real PostgreSQL server.</summary>
public sealed class PostgreSqlMigratorStatusTests
{
    [Fact]
    public async Task StatusAsync_EmptyDatabase_AllPendingAndNothingCreated()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        await using var connector = db.Connector();

        var status = await db.Migrator(connector).StatusAsync();

        Assert.Empty(status.Applied);
        Assert.Equal(PostgreSqlMigrator.Known, status.Pending);
        Assert.Empty(status.Problems);
        Assert.Empty(await db.TablesAsync());
        Assert.Matches(@"^\d+\.\d+", status.ServerVersion);
    }

    [Fact]
    public async Task StatusAsync_AfterMigrate_ListsAppliedNonePending()
    {
        var db = await PostgreSqlTestDatabase.CreateAsync();
        await using var connector = db.Connector();
        await db.Migrator(connector).MigrateAsync();

        var status = await db.Migrator(connector).StatusAsync();

        Assert.Equal(PostgreSqlMigrator.Known.Select(m => (m.Version, m.Name, m.Checksum)), status.Applied.Select(a => (a.Version, a.Name, a.Checksum)));
        Assert.Empty(status.Pending);
        Assert.Empty(status.Problems);
        Assert.Contains($"/{db.Database.Name} as {db.Database.User}", status.Target, StringComparison.Ordinal);
    }
}
