using Hyok.Keys;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// A fresh PostgreSQL database on the test cluster opened as Hyok's store, the way each instance of a fleet opens it.
/// <see cref="OpenInstance"/> opens it again with separate connections, as another instance or its CLI would.
/// </summary>
internal sealed class PostgreSqlTestStore : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private PostgreSqlTestStore(PostgreSqlTestDatabase db, TimeProvider? timeProvider)
    {
        Db = db;
        Database = OpenInstance(timeProvider);
    }

    public PostgreSqlTestDatabase Db { get; }

    public byte[] KeyBytes { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(MasterKey.Length);

    public HyokDatabase Database { get; }

    public static async Task<PostgreSqlTestStore> CreateAsync(TimeProvider? timeProvider = null) =>
        new(await PostgreSqlTestDatabase.CreateAsync(), timeProvider);

    /// <summary>Opens the database as one more instance (its own connections), under <paramref name="keyBytes"/> or the store's key.</summary>
    public HyokDatabase OpenInstance(TimeProvider? timeProvider = null, byte[]? keyBytes = null)
    {
        using var masterKey = MasterKey.FromBytes(keyBytes ?? KeyBytes);
        return Own(HyokDatabase.OpenPostgreSql(Db.Options, masterKey, timeProvider, PostgreSqlTestDatabase.PasswordEnvironment(Db.Database.Password)));
    }

    public HyokStoreWatcher StartWatcher(HyokDatabase database, TimeSpan? pollInterval = null) => Own(HyokStoreWatcher.Start(database, pollInterval));

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
