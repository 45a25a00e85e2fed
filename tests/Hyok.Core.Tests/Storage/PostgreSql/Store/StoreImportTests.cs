using Hyok.Authorization;
using Hyok.Keys;
using Hyok.Keys.Hardware;
using Hyok.Keys.Software;

namespace Hyok.Storage.PostgreSql;

/// <summary><c>hyok db import-sqlite</c>: a SQLite store copied into PostgreSQL serves the same keys, secrets and blocks.</summary>
public sealed class StoreImportTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Copy_SqliteStoreIntoEmptyPostgreSql_SameMaterialSecretsRecordsAndBlocks()
    {
        using var target = await PostgreSqlTestStore.CreateAsync();
        using var source = OpenSqlite(target.KeyBytes);
        var keys = new SoftwareKeyStore(source);
        keys.CreateKey("k1", "ks1");
        keys.RotateKey("k1");
        keys.RetireVersion("k1", 1);
        keys.CreateKey("k2", "ks2", KeyUsage.Decrypt);
        keys.SetState("k2", KeyState.Disabled);
        keys.SetRotationSchedule("k2", TimeSpan.FromDays(7));
        var credential = keys.AddCredential("ks1");
        new HardwareKeyRecords(source).Add("hsm-1", "ks3");
        new BlockRecords(source).Set(BlockKind.Principal, "arn:aws:iam::111122223333:role/app", reason: "incident 7");

        var copied = StoreImport.Copy(source, target.Database);

        Assert.Equal(
            [("keys", 2), ("key_versions", 3), ("credentials", 1), ("hardware_keys", 1), ("hardware_key_versions", 1), ("blocks", 1)],
            copied);
        using var fromSqlite = HyokStoreWatcher.Start(source);
        using var fromPostgreSql = target.StartWatcher(target.Database);
        var (expected, actual) = (fromSqlite.Current, fromPostgreSql.Current);
        Assert.Empty(actual.Problems);
        Assert.Equal(expected.Keys.Keys.Order(), actual.Keys.Keys.Order());
        foreach (var (id, key) in expected.Keys)
        {
            Assert.Equal(key.Descriptor, actual.Keys[id].Descriptor);
            Assert.Equal(key.Versions.Keys.Order(), actual.Keys[id].Versions.Keys.Order());
            Assert.All(key.Versions, v => Assert.Equal(v.Value, actual.Keys[id].Versions[v.Key]));
        }

        Assert.Equal(credential.Secret, actual.Secrets[("ks1", credential.AccessKeyId)]);
        Assert.Equivalent(expected.HardwareKeys["hsm-1"], actual.HardwareKeys["hsm-1"], strict: true);
        Assert.Equal(expected.Blocks.All.Select(b => (b.Kind, b.Value, b.Reason)), actual.Blocks.All.Select(b => (b.Kind, b.Value, b.Reason)));
        Assert.Equal(TimeSpan.FromDays(7), new SoftwareKeyStore(target.Database).GetRotationSchedule("k2"));
        Assert.NotEqual(source.InstanceId, target.Database.InstanceId);
    }

    [Fact]
    public async Task Copy_TargetHoldsAKey_RefusedAndNothingCopied()
    {
        using var target = await PostgreSqlTestStore.CreateAsync();
        using var source = OpenSqlite(target.KeyBytes);
        new SoftwareKeyStore(source).CreateKey("k1", "ks1");
        new SoftwareKeyStore(target.Database).CreateKey("already-here", "ks1");

        var error = Assert.Throws<KeyManagementException>(() => StoreImport.Copy(source, target.Database));

        Assert.Contains("is not empty (1 keys, credentials, hardware key records or blocks): import only into a new database", error.Message, StringComparison.Ordinal);
        Assert.Equal(["already-here"], new SoftwareKeyStore(target.Database).ListKeys().Select(k => k.Id));
    }

    public void Dispose() => _directory.Dispose();

    private HyokDatabase OpenSqlite(byte[] keyBytes)
    {
        using var masterKey = MasterKey.FromBytes(keyBytes);
        return HyokDatabase.Open(_directory.File("hyok.db"), masterKey);
    }
}
