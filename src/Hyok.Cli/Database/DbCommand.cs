using System.CommandLine;
using Hyok.Cli.Commands;
using Hyok.Server.Configuration;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Database;

/// <summary>
/// <c>hyok db migrate</c>, <c>hyok db status</c> and <c>hyok db import-sqlite</c>: the PostgreSQL schema of <c>Hyok:Storage</c> (docs/deployment.md).
/// With the default provider, SQLite, there is nothing to do: Hyok migrates the SQLite file itself when it opens it.
/// </summary>
internal static partial class DbCommand
{
    public static Command Build()
    {
        var migrateConfig = CommonOptions.Config();
        var migrate = new Command("migrate", "Create or upgrade the PostgreSQL schema (versioned, idempotent, safe with several instances at once).") { migrateConfig };
        migrate.SetAction((result, cancellationToken) => CliAction.RunAsync(() => MigrateAsync(result.GetValue(migrateConfig), cancellationToken)));
        var statusConfig = CommonOptions.Config();
        var status = new Command("status", "Show the storage provider, the database server and the applied and pending migrations.") { statusConfig };
        status.SetAction((result, cancellationToken) => CliAction.RunAsync(() => StatusAsync(result.GetValue(statusConfig), cancellationToken)));
        var importConfig = CommonOptions.Config();
        var from = new Option<string?>("--from") { Description = "The SQLite store to copy (default: the configuration's Hyok:Backend:DatabaseFile)." };
        var import = new Command("import-sqlite", "Copy a SQLite store (keys, credentials, hardware key records, blocks) into the configured, empty PostgreSQL database.") { importConfig, from };
        import.SetAction(result => CliAction.Run(() => ImportSqlite(result.GetValue(importConfig), result.GetValue(from))));
        return new Command("db", "The shared state database (Hyok:Storage): schema migrations, status, import of a SQLite store.") { migrate, status, import };
    }

    /// <summary>The storage options of the configuration, with every storage problem at once; null (after the SQLite note) for SQLite.</summary>
    private static PostgreSqlStorageOptions? Load(string? configOption)
    {
        var (_, options) = ConfiguredStorage.Load(configOption);
        if (options.Storage.IsPostgreSql)
        {
            Console.WriteLine($"Provider:   {StorageOptions.PostgreSqlProvider}");
            return options.Storage.PostgreSql;
        }

        Console.WriteLine($"Provider:   {StorageOptions.Sqlite} ({options.Backend.DatabaseFile})");
        Console.WriteLine("Nothing to do: Hyok creates the SQLite database and applies its schema migrations itself, in one transaction,");
        Console.WriteLine("whenever `hyok serve` or a key command opens the file. `hyok db` manages the PostgreSQL schema (Hyok:Storage:Provider postgresql).");
        return null;
    }
}
