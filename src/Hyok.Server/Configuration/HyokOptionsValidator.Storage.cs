namespace Hyok.Server.Configuration;

/// <summary>Checks of <c>Hyok:Storage</c>.</summary>
public static partial class HyokOptionsValidator
{
    /// <summary>The problems of <c>Hyok:Storage</c> alone (what <c>hyok db</c> needs), each naming its option.</summary>
    public static IReadOnlyList<string> ValidateStorage(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.IsPostgreSql)
        {
            return [.. storage.PostgreSql.Validate().Select(p => $"Hyok:Storage:PostgreSql:{p}")];
        }

        return storage.IsSqlite
            ? []
            : [$"Hyok:Storage:Provider '{storage.Provider}' is not supported (supported: {StorageOptions.Sqlite}, {StorageOptions.PostgreSqlProvider})."];
    }

    /// <summary>
    /// For the server (and <c>hyok config check</c>): the storage checks, and a refusal of <c>postgresql</c>, which the server
    /// cannot use yet. Serving from SQLite while the operator asked for a shared database would lose the fleet's changes.
    /// </summary>
    private static void ValidateStorageForServer(StorageOptions storage, List<string> problems)
    {
        problems.AddRange(ValidateStorage(storage));
        if (storage.IsPostgreSql)
        {
            problems.Add("Hyok:Storage:Provider 'postgresql': the server cannot keep its state in PostgreSQL yet; only `hyok db migrate` and `hyok db status` use it (docs/deployment.md). Use sqlite to serve.");
        }
    }
}
