using System.Text;
using Hyok.Authorization;
using Hyok.Keys;
using Hyok.Keys.Hardware;
using Hyok.Keys.Software;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Storage.PostgreSql;

/// <summary>The management API (what <c>hyok keys</c>, <c>credentials</c>, <c>block</c> do) on the PostgreSQL store.</summary>
public sealed class PostgreSqlStoreManagementTests
{
    [Fact]
    public async Task CreateKey_DuplicateIdFromAnotherInstance_RefusedAsExisting()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        new SoftwareKeyStore(store.Database).CreateKey("k1", "ks1", KeyUsage.EncryptDecrypt);

        var error = Assert.Throws<KeyManagementException>(() => new SoftwareKeyStore(store.OpenInstance()).CreateKey("k1", "ks2"));

        Assert.Equal("a key with id 'k1' already exists", error.Message);
        var keys = new SoftwareKeyStore(store.Database).ListKeys();
        Assert.Equal([("k1", "ks1", KeyState.Enabled)], keys.Select(k => (k.Id, k.KeyStore, k.State)));
    }

    [Fact]
    public async Task SetState_Disabled_ReadBackByAnotherInstance()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var keys = new SoftwareKeyStore(store.Database);
        keys.CreateKey("k1", "ks1");

        keys.SetState("k1", KeyState.Disabled);

        Assert.Equal(KeyState.Disabled, new SoftwareKeyStore(store.OpenInstance()).GetKey("k1").State);
    }

    [Fact]
    public async Task Credentials_AddImportDuplicateRemove_SecretsStoredSealedOnly()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var keys = new SoftwareKeyStore(store.Database);
        var issued = keys.AddCredential("ks1");
        keys.ImportCredential("ks1", "IMPORTEDACCESSKEYAAA", "ImportedSecretAccessKey0123456789abcdefghijklmn");

        var duplicate = Assert.Throws<KeyManagementException>(() => keys.ImportCredential("ks1", "IMPORTEDACCESSKEYAAA", "AnotherSecretAccessKey0123456789abcdefghijklmno"));
        keys.RemoveCredential("ks1", "IMPORTEDACCESSKEYAAA");

        Assert.Contains("already exists", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal([issued.AccessKeyId], keys.ListCredentials("ks1").Select(c => c.AccessKeyId));
        await using var connection = await store.Db.Database.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT secret FROM credentials", connection);
        var stored = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain(issued.Secret, Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateAndRetire_VersionsNumberedAndRetiredMaterialGone()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var keys = new SoftwareKeyStore(store.Database);
        keys.CreateKey("k1", "ks1");

        var rotated = keys.RotateKey("k1");
        keys.RetireVersion("k1", 1);

        Assert.Equal(2, rotated.Version);
        Assert.Equal([(1, false), (2, true)], keys.ListVersions("k1").Select(v => (v.Version, v.IsCurrent)));
        Assert.NotNull(keys.ListVersions("k1")[0].RetiredAt);
        Assert.Equal(0L, await store.Db.Database.ScalarAsync<long>("SELECT count(material) FROM key_versions WHERE key_id = 'k1' AND version = 1"));
    }

    [Fact]
    public async Task RotateKey_TwoInstancesAtOnce_EveryVersionNumberUsedOnce()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        new SoftwareKeyStore(store.Database).CreateKey("k1", "ks1");
        var instances = new[] { new SoftwareKeyStore(store.Database), new SoftwareKeyStore(store.OpenInstance()) };

        var rotations = instances.Select(keys => Task.Run(() => Enumerable.Range(0, 10).Select(_ => keys.RotateKey("k1").Version).ToList())).ToList();
        var versions = (await Task.WhenAll(rotations)).SelectMany(v => v).Order();

        Assert.Equal(Enumerable.Range(2, 20), versions);
    }

    [Fact]
    public async Task RotateDueKeys_ScheduleElapsed_RotatesOnlyDueKeys()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        using var store = await PostgreSqlTestStore.CreateAsync(clock);
        var keys = new SoftwareKeyStore(store.Database);
        keys.CreateKey("due", "ks1");
        keys.CreateKey("later", "ks1");
        keys.SetRotationSchedule("due", TimeSpan.FromDays(1));
        keys.SetRotationSchedule("later", TimeSpan.FromDays(30));

        clock.Advance(TimeSpan.FromDays(2));
        var rotated = keys.RotateDueKeys();

        Assert.Equal([("due", 2)], rotated.Select(r => (r.KeyId, r.Version.Version)));
        Assert.Equal(TimeSpan.FromDays(30), keys.GetRotationSchedule("later"));
    }

    [Fact]
    public async Task Blocks_SetUpdateListRemove_IdsFromTheDatabase()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var blocks = new BlockRecords(store.Database);

        var (first, _) = blocks.Set(BlockKind.Key, "k1", reason: "incident");
        var (second, _) = blocks.Set(BlockKind.Principal, "arn:aws:iam::111122223333:role/app");
        var (updated, wasUpdated) = blocks.Set(BlockKind.Key, "k1", reason: "still");
        var removed = blocks.Remove(second.Id);

        Assert.True(second.Id > first.Id);
        Assert.True(wasUpdated);
        Assert.Equal((first.Id, "still"), (updated.Id, updated.Reason));
        Assert.Equal(second, removed);
        Assert.Equal([updated], new BlockRecords(store.OpenInstance()).List());
    }

    [Fact]
    public async Task HardwareKeyRecords_AddDuplicateVersion_LikeSqlite()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var records = new HardwareKeyRecords(store.Database);
        records.Add("hsm-1", "ks1");

        var duplicate = Assert.Throws<KeyManagementException>(() => records.Add("hsm-1", "ks2"));
        records.AddVersion("hsm-1", records.NextVersion("hsm-1"));

        Assert.Equal("a key with id 'hsm-1' already exists", duplicate.Message);
        Assert.Equal([1, 2], records.ListVersions("hsm-1").Select(v => v.Version));
        Assert.Equal(["hsm-1"], new HardwareKeyRecords(store.OpenInstance()).List().Select(r => r.Id));
    }
}
