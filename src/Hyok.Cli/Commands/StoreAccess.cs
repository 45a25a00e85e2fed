using Hyok.Keys.Software;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary>Opens the sealed store named by a configuration, for the management commands.</summary>
internal sealed class StoreAccess : IDisposable
{
    private readonly HyokDatabase _database;

    private StoreAccess(HyokOptions options, HyokDatabase database)
    {
        Options = options;
        _database = database;
        Store = new SoftwareKeyStore(database);
    }

    public HyokOptions Options { get; }

    public SoftwareKeyStore Store { get; }

    public static StoreAccess Open(string? configOption)
    {
        var options = HyokConfiguration.Load(ConfigLocator.RequireExisting(configOption));
        return new StoreAccess(options, BackendRuntime.OpenDatabase(options.Backend, TimeProvider.System));
    }

    /// <summary>The key store must be configured: a key or credential of an unknown store could never be used.</summary>
    public string RequireKeyStore(string name) =>
        Options.KeyStores.Any(s => s.Name == name)
            ? name
            : throw new CliException($"No key store named '{name}' in the configuration (configured: {string.Join(", ", Options.KeyStores.Select(s => s.Name))}).");

    /// <summary>A list filter must name a configured key store: a typo would otherwise look like an empty store.</summary>
    public string? RequireKeyStoreIfGiven(string? name) => name is null ? null : RequireKeyStore(name);

    public void Dispose() => _database.Dispose();
}
