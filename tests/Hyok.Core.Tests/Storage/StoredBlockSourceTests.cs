using Hyok.Authorization;

namespace Hyok.Storage;

public sealed class StoredBlockSourceTests
{
    [Fact]
    public void Current_BlocksInDatabaseAtStart_InSnapshot()
    {
        using var store = new TestStore();
        var (block, _) = new BlockRecords(store.Database).Set(BlockKind.KeyStore, "ks1", reason: "incident");

        var source = new StoredBlockSource(store.Watcher);

        Assert.Equal([block], source.Current.All);
        Assert.Equal([block], store.Watcher.Current.Blocks.All);
        Assert.Empty(store.Watcher.Problems);
    }

    [Fact]
    public async Task Current_BlockSetAndRemovedBySecondInstance_SeenWithinOneSecond()
    {
        using var store = new TestStore();
        var source = new StoredBlockSource(store.Watcher);
        using var masterKey = MasterKey.FromBytes(store.KeyBytes);
        using var cli = HyokDatabase.Open(store.DatabasePath, masterKey, createIfMissing: false);
        var facts = new RequestFacts("ks1", Protocol.XksOperationKind.Decrypt, "k1", new Protocol.RequestMetadata());
        Assert.Null(source.Current.Find(facts, DateTimeOffset.UtcNow));

        var (block, _) = new BlockRecords(cli).Set(BlockKind.Key, "k1");
        bool blocked = await Eventually.WithinAsync(Eventually.OneSecond, () => source.Current.Find(facts, DateTimeOffset.UtcNow)?.Id == block.Id);
        new BlockRecords(cli).Remove(block.Id);
        bool unblocked = await Eventually.WithinAsync(Eventually.OneSecond, () => source.Current.Find(facts, DateTimeOffset.UtcNow) is null);

        Assert.True(blocked, $"block not seen within one second; watcher fault: {store.Watcher.Fault ?? "none"}");
        Assert.True(unblocked, $"unblock not seen within one second; watcher fault: {store.Watcher.Fault ?? "none"}");
    }

    [Fact]
    public void Current_RowWithUnknownKind_IgnoredAndReported()
    {
        using var store = new TestStore();
        new BlockRecords(store.Database).Set(BlockKind.Key, "k1");
        using (var connection = store.Database.OpenConnection())
        {
            // Only possible by rewriting the table without its CHECK; simulate a future kind with a writable schema.
            Sql.Execute(connection, null, "PRAGMA writable_schema = ON");
            Sql.Execute(connection, null, "UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (kind IN (''key'', ''key-store'', ''principal'', ''service''))', '') WHERE name = 'blocks'");
        }

        using (var connection = store.Database.OpenConnection())
        {
            Sql.Execute(connection, null, "INSERT INTO blocks (kind, value, created_at) VALUES ('region', 'us-east-1', 0)");
        }

        Assert.Equal(["k1"], store.Watcher.Current.Blocks.All.Select(b => b.Value));
        Assert.Contains(store.Watcher.Problems, p => p.Contains("unknown kind", StringComparison.Ordinal));
    }
}
