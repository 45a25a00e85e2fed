using Hyok.Authorization;
using Hyok.Keys;
using Hyok.Keys.Software;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// Change propagation across a fleet (issue 8): a change committed through any instance reaches every instance's
/// <see cref="HyokStoreWatcher"/> within one second, by NOTIFY or, failing that, by polling the generation.
/// </summary>
public sealed class PostgreSqlStoreWatcherTests
{
    [Fact]
    public async Task Watcher_KeyDisabledThroughAnotherInstance_SeenWithinOneSecondByNotifyAlone()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        new SoftwareKeyStore(store.Database).CreateKey("k1", "ks1");

        // A poll interval of a minute: only the NOTIFY can deliver the change within the second.
        var watcher = store.StartWatcher(store.Database, TimeSpan.FromMinutes(1));
        await Task.Delay(300); // the watcher thread's LISTEN is in place
        new SoftwareKeyStore(store.OpenInstance()).SetState("k1", KeyState.Disabled);

        bool seen = await Eventually.WithinAsync(Eventually.OneSecond, () => watcher.Current.Keys["k1"].Descriptor.State == KeyState.Disabled);

        Assert.True(seen, $"not seen within one second; watcher fault: {watcher.Fault ?? "none"}");
    }

    [Fact]
    public async Task Watcher_BlockInsertedWithPlainSql_SeenThroughTheTrigger()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var watcher = store.StartWatcher(store.Database);

        await store.Db.Database.ExecuteAsync("INSERT INTO blocks (kind, value, created_at) VALUES ('key-store', 'ks9', 0)");

        bool seen = await Eventually.WithinAsync(Eventually.OneSecond, () => watcher.Current.Blocks.All.Any(b => b is { Kind: BlockKind.KeyStore, Value: "ks9" }));
        Assert.True(seen, $"not seen within one second; watcher fault: {watcher.Fault ?? "none"}");
    }

    [Fact]
    public async Task Watcher_DatabaseUnreachable_ReportsItKeepsTheSnapshotAndRecovers()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        new SoftwareKeyStore(store.Database).CreateKey("k1", "ks1");
        var watcher = store.StartWatcher(store.Database);

        await store.Db.Database.SetReachableAsync(false);
        bool failed = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => !watcher.IsHealthy(out _));
        var faultWhileDown = watcher.Fault;
        bool servedWhileDown = watcher.Current.Keys.ContainsKey("k1");
        await store.Db.Database.SetReachableAsync(true);
        bool recovered = await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => watcher.IsHealthy(out _));
        new SoftwareKeyStore(store.OpenInstance()).CreateKey("k2", "ks1");
        bool changeSeen = await Eventually.WithinAsync(Eventually.OneSecond, () => watcher.Current.Keys.ContainsKey("k2"));

        Assert.True(failed, "the watcher never noticed the database was gone");
        Assert.Contains("127.0.0.1:", faultWhileDown, StringComparison.Ordinal);
        Assert.DoesNotContain(store.Db.Database.Password, faultWhileDown, StringComparison.Ordinal);
        Assert.True(servedWhileDown);
        Assert.True(recovered, $"not healthy again; fault: {watcher.Fault}");
        Assert.True(changeSeen, $"a change after recovery was not seen; fault: {watcher.Fault ?? "none"}");
    }
}
