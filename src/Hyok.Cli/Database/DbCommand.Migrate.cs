using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Database;

/// <summary><c>hyok db migrate</c>.</summary>
internal static partial class DbCommand
{
    private static async Task<int> MigrateAsync(string? configOption, CancellationToken cancellationToken)
    {
        if (Load(configOption) is not { } options)
        {
            return 0;
        }

        await using var connector = PostgreSqlConnector.Create(options);
        Console.WriteLine($"Database:   {connector.Target}");
        var applied = await new PostgreSqlMigrator(connector, TimeProvider.System).MigrateAsync(cancellationToken).ConfigureAwait(false);
        int latest = PostgreSqlMigrator.Known[^1].Version;
        if (applied.Count == 0)
        {
            Console.WriteLine($"Nothing to apply: the schema is at version {latest}, the latest this Hyok knows.");
            return 0;
        }

        foreach (var migration in applied)
        {
            Console.WriteLine($"Applied migration {migration.Version} ({migration.Name}).");
        }

        Console.WriteLine($"The schema is at version {latest}.");
        return 0;
    }
}
