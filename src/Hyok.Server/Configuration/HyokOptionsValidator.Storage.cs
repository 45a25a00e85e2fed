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

    /// <summary>For the server (and <c>hyok config check</c>): the storage checks, and with PostgreSQL a usable instance id and no policy files.</summary>
    private static void ValidateStorageForServer(StorageOptions storage, IEnumerable<KeyStoreOptions> keyStores, List<string> problems)
    {
        problems.AddRange(ValidateStorage(storage));
        if (storage.IsPostgreSql && storage.InstanceId is { } id && !InstanceIdPattern().IsMatch(id))
        {
            problems.Add($"Hyok:Storage:InstanceId '{id}' must be 1-64 characters of A-Z a-z 0-9 . _ -.");
        }

        if (storage.IsPostgreSql)
        {
            foreach (var store in keyStores.Where(s => !string.IsNullOrWhiteSpace(s.PolicyFile)))
            {
                problems.Add($"Hyok:KeyStores ({store.Name}): PolicyFile is not used with PostgreSQL storage, where a key store's policy lives in the "
                    + "database so that every instance enforces the same one: remove PolicyFile and run `hyok policy push --key-store "
                    + $"{store.Name} {store.PolicyFile}` (docs/policy.md).");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex InstanceIdPattern();
}
