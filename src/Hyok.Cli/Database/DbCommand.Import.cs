using Hyok.Cli.Commands;
using Hyok.Server.Hosting;
using Hyok.Storage;

namespace Hyok.Cli.Database;

/// <summary>
/// <c>hyok db import-sqlite</c>: moves a single instance's state (the SQLite file, by default the configuration's
/// <c>Hyok:Backend:DatabaseFile</c>) into the configured, empty PostgreSQL database, so that a fleet starts with its keys and
/// credentials (docs/deployment.md). Both are opened under the configured master key.
/// </summary>
internal static partial class DbCommand
{
    private static int ImportSqlite(string? configOption, string? fromOption)
    {
        var (path, options) = ConfiguredStorage.Load(configOption);
        if (!options.Storage.IsPostgreSql)
        {
            throw new CliException($"{path}: Hyok:Storage:Provider is {options.Storage.Provider}; import-sqlite copies a SQLite store INTO PostgreSQL storage (set Provider postgresql).");
        }

        string from = Path.GetFullPath(fromOption ?? options.Backend.DatabaseFile);
        using var masterKey = BackendRuntime.ToStoreOptions(options.Backend).GetMasterKeySource().Load();
        using var source = HyokDatabase.Open(from, masterKey, createIfMissing: false);
        using var target = HyokDatabase.OpenPostgreSql(options.Storage.PostgreSql, masterKey);
        var copied = StoreImport.Copy(source, target);
        Console.WriteLine($"From:       {from}");
        Console.WriteLine($"Into:       {target.Location}");
        foreach (var (table, rows) in copied)
        {
            Console.WriteLine($"  {table,-22} {rows,6} rows");
        }

        Console.WriteLine("Done. Every instance now serves from PostgreSQL; keep the SQLite file as a backup (it holds sealed keys: protect it like the master key) or delete it.");
        return 0;
    }
}
