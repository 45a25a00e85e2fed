using Hyok.Keys.Software;
using Hyok.Server.Configuration;
using Hyok.Storage;

namespace Hyok.Server.Hosting;

/// <summary>
/// The open state store and key backend for a configuration: the sealed database, its change watcher
/// (changes by the CLI apply within a second), the software key backend and the credential lookup.
/// </summary>
public sealed class BackendRuntime : IDisposable
{
    private BackendRuntime(HyokDatabase database, HyokStoreWatcher watcher)
    {
        Database = database;
        Watcher = watcher;
        Backend = new SoftwareKeyBackend(watcher);
        Credentials = new StoredCredentialLookup(watcher);
    }

    public HyokDatabase Database { get; }

    public HyokStoreWatcher Watcher { get; }

    public SoftwareKeyBackend Backend { get; }

    public StoredCredentialLookup Credentials { get; }

    /// <summary>Opens the database and starts watching it for changes.</summary>
    public static BackendRuntime Open(BackendOptions options, TimeProvider timeProvider, bool createIfMissing = false)
    {
        var database = OpenDatabase(options, timeProvider, createIfMissing);
        try
        {
            return new BackendRuntime(database, HyokStoreWatcher.Start(database, timeProvider: timeProvider));
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Opens the database only, for management commands (<c>hyok keys</c>, <c>hyok credentials</c>).</summary>
    public static HyokDatabase OpenDatabase(BackendOptions options, TimeProvider timeProvider, bool createIfMissing = false) =>
        ToStoreOptions(options).OpenDatabase(createIfMissing, timeProvider);

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
        Watcher.Dispose();
        Database.Dispose();
    }
}
