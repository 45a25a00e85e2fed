using Hyok.Storage;

namespace Hyok.Keys.Software;

/// <summary>Opening the database these options describe.</summary>
public sealed partial record SoftwareKeyStoreOptions
{
    /// <summary>
    /// Validates, loads the master key and opens the database. With <paramref name="createIfMissing"/>, a missing
    /// database is created, and when the key comes from a file that does not exist either, a new master key
    /// file is generated (mode 0600) first. A new master key is never generated for an existing database.
    /// </summary>
    /// <exception cref="HyokStoreException">Invalid options (all problems listed), master key or database problems.</exception>
    public HyokDatabase OpenDatabase(bool createIfMissing = false, TimeProvider? timeProvider = null)
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new HyokStoreException("invalid software key store options:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)));
        }

        var source = GetMasterKeySource();
        bool newStore = createIfMissing && !File.Exists(DatabasePath);
        using var masterKey = newStore && source.FilePath is { } keyFile && !File.Exists(keyFile)
            ? MasterKey.CreateFile(keyFile)
            : source.Load();
        return HyokDatabase.Open(DatabasePath, masterKey, createIfMissing, timeProvider);
    }
}
