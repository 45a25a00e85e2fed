using Hyok.Kms.Configuration;
using Hyok.Kms.Keys;
using Hyok.Kms.Operations;
using Hyok.Kms.Storage;
using Hyok.Storage;

namespace Hyok.Kms.Hosting;

/// <summary>
/// The emulator's state for validated <see cref="KmsOptions"/>: database (opened, migrated, master key checked),
/// credentials and the operation table. Owns the database; <see cref="Dispose"/> closes it.
/// </summary>
public sealed class KmsEmulator : IDisposable
{
    private readonly KmsDatabase _database;

    private KmsEmulator(KmsOptions options, KmsDatabase database, KmsCredentials credentials, TimeProvider time)
    {
        Options = options;
        _database = database;
        Credentials = credentials;
        Time = time;
        Arns = new KmsArns(options.Region, options.AccountId);
        Operations = new KmsOperations(new KmsContext(database, Arns, time));
    }

    public KmsOptions Options { get; }

    public KmsCredentials Credentials { get; }

    public KmsArns Arns { get; }

    public TimeProvider Time { get; }

    internal KmsOperations Operations { get; }

    /// <exception cref="HyokStoreException">Master key missing or not matching the database.</exception>
    public static KmsEmulator Open(KmsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var credentials = KmsCredentials.Load(options);
        using var masterKey = LoadMasterKey(options);
        return new KmsEmulator(options, KmsDatabase.Open(options.DatabaseFile, masterKey), credentials, time);
    }

    public void Dispose() => _database.Dispose();

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
