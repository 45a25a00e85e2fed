using Hyok.Kms.Configuration;
using Hyok.Kms.CustomKeyStores;
using Hyok.Kms.Keys;
using Hyok.Kms.Operations;
using Hyok.Kms.Storage;
using Hyok.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyok.Kms.Hosting;

/// <summary>
/// The emulator's state for validated <see cref="KmsOptions"/>: database (opened, migrated, master key checked),
/// credentials and the operation table. Owns the database; <see cref="Dispose"/> closes it.
/// </summary>
public sealed class KmsEmulator : IDisposable
{
    private readonly KmsDatabase _database;
    private readonly KeyStoreProxies _proxies;

    private KmsEmulator(KmsOptions options, KmsDatabase database, KmsCredentials credentials, TimeProvider time, ILoggerFactory? loggers)
    {
        Options = options;
        _database = database;
        Credentials = credentials;
        Time = time;
        Arns = new KmsArns(options.Region, options.AccountId);
        _proxies = new KeyStoreProxies(database, options, time, loggers);
        Operations = new KmsOperations(
            new KmsContext(database, Arns, time, _proxies), (loggers ?? NullLoggerFactory.Instance).CreateLogger("Hyok.Kms.CustomKeyStores"));
    }

    public KmsOptions Options { get; }

    public KmsCredentials Credentials { get; }

    public KmsArns Arns { get; }

    public TimeProvider Time { get; }

    internal KmsOperations Operations { get; }

    /// <param name="options">Validated options.</param>
    /// <param name="time">The clock (signing, deadlines, key deletion dates).</param>
    /// <param name="loggers">Where proxy calls are logged; null: nowhere.</param>
    /// <exception cref="HyokStoreException">Master key missing or not matching the database.</exception>
    public static KmsEmulator Open(KmsOptions options, TimeProvider time, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var credentials = KmsCredentials.Load(options);
        using var masterKey = LoadMasterKey(options);
        return new KmsEmulator(options, KmsDatabase.Open(options.DatabaseFile, masterKey), credentials, time, loggers);
    }

    public void Dispose()
    {
        _proxies.Dispose();
        _database.Dispose();
    }

    /// <summary>The environment variable if set; else the file, created together with a new database.</summary>
    private static MasterKey LoadMasterKey(KmsOptions options)
    {
        if (Environment.GetEnvironmentVariable(options.MasterKeyEnvironmentVariable) is { Length: > 0 })
        {
            return MasterKeySource.FromEnvironment(options.MasterKeyEnvironmentVariable).Load();
        }

        if (options.MasterKeyFile is not { } file)
        {
            throw new HyokStoreException($"No KMS emulator master key: set Hyok:Kms:MasterKeyFile or {options.MasterKeyEnvironmentVariable}.");
        }

        return !File.Exists(file) && !File.Exists(options.DatabaseFile) ? MasterKey.CreateFile(file) : MasterKey.LoadFile(file);
    }
}
