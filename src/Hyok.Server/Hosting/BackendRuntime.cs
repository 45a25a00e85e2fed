using Hyok.Authorization;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Pkcs11;
using Hyok.Server.Configuration;
using Hyok.Storage;

namespace Hyok.Server.Hosting;

/// <summary>
/// The open state store and key backend for a configuration: the sealed database, its change watcher
/// (changes by the CLI apply within a second), the key backend (sealed software store, or a PKCS#11 token
/// whose keys Hyok serves per its own records), the credential lookup and the kill switches.
/// </summary>
public sealed class BackendRuntime : IDisposable
{
    private BackendRuntime(HyokDatabase database, HyokStoreWatcher watcher, Pkcs11Token? token, TimeProvider timeProvider)
    {
        Database = database;
        Watcher = watcher;
        Token = token;
        Backend = token is null
            ? new SoftwareKeyBackend(watcher)
            : new Pkcs11KeyBackend(token, new StoredKeyDirectory(watcher), timeProvider);
        Credentials = new StoredCredentialLookup(watcher);
        Blocks = new StoredBlockSource(watcher);
    }

    public HyokDatabase Database { get; }

    public HyokStoreWatcher Watcher { get; }

    /// <summary>The PKCS#11 token when the backend is <c>Pkcs11</c>, else null.</summary>
    public Pkcs11Token? Token { get; }

    public IKeyBackend Backend { get; private set; }

    /// <summary>Test hook: wraps the key backend (e.g. in a deliberately slow one) before a server is built over this runtime.</summary>
    internal void DecorateBackend(Func<IKeyBackend, IKeyBackend> decorate) => Backend = decorate(Backend);

    public StoredCredentialLookup Credentials { get; }

    /// <summary>The kill switches (<c>hyok block</c>), from the watcher's snapshot: changes apply within a second.</summary>
    public IBlockSource Blocks { get; }

    /// <summary>Opens the database (SQLite, or PostgreSQL when <paramref name="storage"/> says so) and starts watching it for changes.</summary>
    public static BackendRuntime Open(BackendOptions options, TimeProvider timeProvider, bool createIfMissing = false, StorageOptions? storage = null)
    {
        var database = OpenDatabase(options, timeProvider, createIfMissing, storage);
        HyokStoreWatcher? watcher = null;
        try
        {
            watcher = HyokStoreWatcher.Start(database, timeProvider: timeProvider);
            var token = options.IsPkcs11 ? Pkcs11Token.Open(options.Pkcs11, timeProvider) : null;
            return new BackendRuntime(database, watcher, token, timeProvider);
        }
        catch
        {
            watcher?.Dispose();
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the database only, for management commands (<c>hyok keys</c>, <c>hyok credentials</c>). With PostgreSQL storage
    /// the master key must exist already (every instance of a fleet uses the same one; none is ever generated for it).
    /// </summary>
    public static HyokDatabase OpenDatabase(BackendOptions options, TimeProvider timeProvider, bool createIfMissing = false, StorageOptions? storage = null)
    {
        if (storage is not { IsPostgreSql: true })
        {
            return ToStoreOptions(options).OpenDatabase(createIfMissing, timeProvider);
        }

        using var masterKey = ToStoreOptions(options).GetMasterKeySource().Load();
        return HyokDatabase.OpenPostgreSql(storage.PostgreSql, masterKey, timeProvider);
    }

    /// <summary>The master key comes from the environment variable when it is set, else from the file.</summary>
    public static SoftwareKeyStoreOptions ToStoreOptions(BackendOptions options)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(options.MasterKeyEnvironmentVariable) is not null;
        return new SoftwareKeyStoreOptions
        {
            DatabasePath = options.DatabaseFile,
            MasterKeyFile = fromEnvironment ? null : options.MasterKeyFile,
            MasterKeyEnvironmentVariable = fromEnvironment ? options.MasterKeyEnvironmentVariable : null,
        };
    }

    public void Dispose()
    {
        Token?.Dispose();
        Watcher.Dispose();
        Database.Dispose();
    }
}
