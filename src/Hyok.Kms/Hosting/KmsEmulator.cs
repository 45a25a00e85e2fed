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
/// credentials, the operation table and the background work on external key stores (connection attempts, the periodic
/// health check: started and stopped by <see cref="KmsServer"/>). Owns the database; <see cref="Dispose"/> stops the
/// background work and closes it.
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
        Loggers = loggers ?? NullLoggerFactory.Instance;
        _proxies = new KeyStoreProxies(database, options, time, Loggers);
        var context = new KmsContext(database, Arns, time, _proxies);
        var keyStoreLogger = Loggers.CreateLogger("Hyok.Kms.CustomKeyStores");
        Operations = new KmsOperations(context, keyStoreLogger);
        Connector = new KeyStoreConnector(context, keyStoreLogger);
        HealthMonitor = new KeyStoreHealthMonitor(context, TimeSpan.FromSeconds(options.XksHealthCheckSeconds), keyStoreLogger);
    }

    public KmsOptions Options { get; }

    public KmsCredentials Credentials { get; }

    public KmsArns Arns { get; }

    public TimeProvider Time { get; }

    /// <summary>The logger factory given to <see cref="Open"/> (the null factory without one); <see cref="KmsServer"/> logs through it too.</summary>
    public ILoggerFactory Loggers { get; }

    internal KmsOperations Operations { get; }

    /// <summary>The database (tests reach state no operation makes yet through it).</summary>
    internal KmsDatabase Database => _database;

    internal KeyStoreConnector Connector { get; }

    internal KeyStoreHealthMonitor HealthMonitor { get; }

    /// <summary>
    /// Starts the background work on external key stores: resumes the connection attempts a previous run left CONNECTING
    /// and starts the periodic KmsHealthCheck. <see cref="KmsServer"/> calls it when the server starts.
    /// </summary>
    public void StartBackgroundWork()
    {
        Connector.ResumeInterrupted();
        HealthMonitor.Start();
    }

    /// <summary>Stops the health check timer, cancels the running proxy calls and waits for them (at most a few seconds).</summary>
    public Task StopBackgroundWorkAsync()
    {
        HealthMonitor.Dispose();
        return _proxies.Background.StopAsync(TimeSpan.FromSeconds(5));
    }

    /// <param name="options">Validated options.</param>
    /// <param name="time">The clock (signing, deadlines, key deletion dates).</param>
    /// <param name="loggers">
    /// Where custom key store events (connection attempts, health checks) and proxy calls are logged; null: nowhere. The
    /// caller keeps owning it. <see cref="KmsServer.CreateLoggerFactory"/> makes the server's.
    /// </param>
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
        HealthMonitor.Dispose();
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
