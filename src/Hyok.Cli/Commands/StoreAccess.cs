using Hyok.Auditing;
using Hyok.Cli.KeyAdmin;
using Hyok.Keys.Hardware;
using Hyok.Keys.Software;
using Hyok.Pkcs11;
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

    /// <summary>The open database, for management beyond the software key store (kill switches).</summary>
    public HyokDatabase Database => _database;

    /// <summary>The key stores' policies in the shared database (PostgreSQL storage only).</summary>
    public PolicyRecords Policies => new(_database);

    /// <summary>Key management for the configured backend; PKCS#11 opens (and logs in to) the token.</summary>
    public IKeyAdmin OpenKeyAdmin(string? backend)
    {
        if (backend is not null)
        {
            Options.Backend.Type = backend.Equals("pkcs11", StringComparison.OrdinalIgnoreCase) ? BackendOptions.Pkcs11Type : BackendOptions.Software;
        }

        return OpenKeyAdmin();
    }

    private IKeyAdmin OpenKeyAdmin() => Options.Backend.IsPkcs11
        ? new Pkcs11KeyAdmin(Pkcs11Token.Open(Options.Backend.Pkcs11, TimeProvider.System), new HardwareKeyRecords(_database), TimeProvider.System)
        : new SoftwareKeyAdmin(Store);

    public static StoreAccess Open(string? configOption)
    {
        var options = HyokConfiguration.Load(ConfigLocator.RequireExisting(configOption));
        return new StoreAccess(options, BackendRuntime.OpenDatabase(options.Backend, TimeProvider.System, storage: options.Storage));
    }

    /// <summary>The key store must be configured: a key or credential of an unknown store could never be used.</summary>
    public string RequireKeyStore(string name) =>
        Options.KeyStores.Any(s => s.Name == name)
            ? name
            : throw new CliException($"No key store named '{name}' in the configuration (configured: {string.Join(", ", Options.KeyStores.Select(s => s.Name))}).");

    /// <summary>A list filter must name a configured key store: a typo would otherwise look like an empty store.</summary>
    public string? RequireKeyStoreIfGiven(string? name) => name is null ? null : RequireKeyStore(name);

    /// <summary>
    /// Signs and checks audit heads with a key derived (HKDF) from the master key of this store; the store was opened
    /// with the same key, so it is the right one. The key is never printed.
    /// </summary>
    public AuditHeadSigner OpenAuditHeadSigner()
    {
        using var masterKey = BackendRuntime.ToStoreOptions(Options.Backend).GetMasterKeySource().Load();
        return new AuditHeadSigner(masterKey);
    }

    public void Dispose() => _database.Dispose();
}
