using Hyok.Keys;

namespace Hyok.Storage;

public sealed class HyokStoreWatcherTests
{
    [Fact]
    public async Task Start_KeyCreatedBySecondInstance_SeenWithinOneSecond()
    {
        using var store = new TestStore();
        var watcher = store.Watcher;

        store.OpenSecondStore().CreateKey("late-key", "ks1", KeyUsage.EncryptDecrypt);

        bool seen = await Eventually.WithinAsync(Eventually.OneSecond, () => watcher.Current.Keys.ContainsKey("late-key"));

        Assert.True(seen, $"not seen within one second; watcher fault: {watcher.Fault ?? "none"}");
    }

    [Fact]
    public void Start_ExistingKeys_LoadedWithMaterialAndHealthKeySeparate()
    {
        using var store = new TestStore();
        store.Store.CreateKey("k1", "ks1", KeyUsage.EncryptDecrypt);

        var snapshot = store.Watcher.Current;

        Assert.Equal(["k1"], snapshot.Keys.Keys.ToArray());
        Assert.Equal(32, snapshot.Keys["k1"].Material.Length);
        Assert.NotNull(snapshot.HealthKey);
        Assert.Null(store.Watcher.Fault);
    }

    [Fact]
    public void Refresh_SnapshotReplacedWhileLeased_OldMaterialZeroedOnlyAfterRelease()
    {
        using var store = new TestStore();
        store.Store.CreateKey("k1", "ks1", KeyUsage.EncryptDecrypt);
        var watcher = store.Watcher;
        var lease = watcher.Acquire();
        byte[] material = lease.Snapshot.Keys["k1"].Material;

        store.Store.CreateKey("k2", "ks1", KeyUsage.EncryptDecrypt);
        Assert.True(watcher.Refresh());

        Assert.NotSame(lease.Snapshot, watcher.Current);
        Assert.Contains(material, b => b != 0);
        lease.Dispose();
        Assert.All(material, b => Assert.Equal(0, b));
        Assert.True(lease.Snapshot.IsZeroed);
        Assert.Contains(watcher.Current.Keys["k1"].Material, b => b != 0);
    }

    [Fact]
    public void Dispose_NoLeases_ZeroesMaterial()
    {
        using var store = new TestStore();
        store.Store.CreateKey("k1", "ks1", KeyUsage.EncryptDecrypt);
        var watcher = HyokStoreWatcher.Start(store.Database);
        byte[] material = watcher.Current.Keys["k1"].Material;

        watcher.Dispose();

        Assert.All(material, b => Assert.Equal(0, b));
        Assert.Empty(watcher.Current.Keys);
    }

    [Fact]
    public void Refresh_MaterialSwappedBetweenRows_BothKeysUnavailableAndReported()
    {
        using var store = new TestStore();
        store.Store.CreateKey("a", "ks1", KeyUsage.EncryptDecrypt);
        store.Store.CreateKey("b", "ks1", KeyUsage.EncryptDecrypt);
        store.Store.CreateKey("c", "ks1", KeyUsage.EncryptDecrypt);
        using (var connection = store.Database.OpenConnection())
        {
            byte[] a = Sql.Scalar<byte[]>(connection, null, "SELECT material FROM key_versions WHERE key_id = 'a'")!;
            byte[] b = Sql.Scalar<byte[]>(connection, null, "SELECT material FROM key_versions WHERE key_id = 'b'")!;
            Sql.Execute(connection, null, "UPDATE key_versions SET material = $m WHERE key_id = 'a'", ("$m", b));
            Sql.Execute(connection, null, "UPDATE key_versions SET material = $m WHERE key_id = 'b'", ("$m", a));
        }

        var snapshot = store.Watcher.Current;

        Assert.Equal(["c"], snapshot.Keys.Keys.ToArray());
        Assert.Equal(2, store.Watcher.Problems.Count);
        Assert.Contains(store.Watcher.Problems, p => p.Contains("'a'", StringComparison.Ordinal));
    }

    [Fact]
    public void Refresh_KeyMovedToAnotherKeyStore_Unavailable()
    {
        using var store = new TestStore();
        store.Store.CreateKey("a", "ks1", KeyUsage.EncryptDecrypt);
        using (var connection = store.Database.OpenConnection())
        {
            Sql.Execute(connection, null, "UPDATE keys SET key_store = 'ks2' WHERE id = 'a'");
        }

        Assert.Empty(store.Watcher.Current.Keys);
        Assert.Single(store.Watcher.Problems);
    }

    [Fact]
    public async Task Poll_DatabaseDeleted_FaultWithinOneSecondAndSnapshotKept()
    {
        using var store = new TestStore();
        store.Store.CreateKey("k1", "ks1", KeyUsage.EncryptDecrypt);
        var watcher = store.Watcher;

        foreach (string file in Directory.GetFiles(store.Directory.Path, "hyok.db*"))
        {
            File.Delete(file);
        }

        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond, () => watcher.Fault is not null));
        Assert.Contains("missing", watcher.Fault, StringComparison.Ordinal);
        Assert.True(watcher.Current.Keys.ContainsKey("k1"));
    }
}
