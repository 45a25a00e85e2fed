using Hyok.Authorization;
using Hyok.Keys.Software;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyok.Storage.PostgreSql;

/// <summary>Policies in the shared database: push (validated), versions, activate, remove, and what the instances enforce.</summary>
public sealed class PolicyRecordsTests
{
    internal const string DenyEbs = """{ "version": 1, "rules": [ { "name": "no-ebs", "effect": "deny", "match": { "kmsViaService": "ebs" } }, { "name": "rest", "effect": "allow", "match": {} } ] }""";
    internal const string DenyAll = """{ "version": 1, "rules": [ { "name": "nobody", "effect": "deny", "match": {} } ] }""";

    [Fact]
    public async Task PushActivateRemove_VersionsKeptAndOneInForce()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var policies = new PolicyRecords(store.Database);

        var first = policies.Push("ks1", DenyEbs);
        var second = policies.Push("ks1", DenyAll);
        var rolledBack = policies.Activate("ks1", 1);

        Assert.Equal((1, 2, 1), (first.Version, second.Version, rolledBack.Version));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DenyEbs))), first.Sha256);
        Assert.Equal([(1, true), (2, false)], policies.Versions("ks1").Select(v => (v.Version, v.IsCurrent)));
        Assert.Equal(DenyEbs, policies.Document("ks1"));
        Assert.Equal(DenyAll, policies.Document("ks1", 2));
        Assert.True(policies.Remove("ks1"));
        Assert.False(policies.Remove("ks1"));
        Assert.Equal("key store 'ks1' has no policy in force", Assert.Throws<KeyManagementException>(() => policies.Document("ks1")).Message);
        Assert.Equal(2, policies.Versions("ks1").Count);
    }

    [Fact]
    public async Task Push_InvalidDocument_RefusedWithItsProblemsNothingStored()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var policies = new PolicyRecords(store.Database);

        var error = Assert.Throws<KeyManagementException>(() => policies.Push("ks1", """{ "version": 1, "rules": [ { "effect": "maybe" } ] }"""));

        Assert.StartsWith("the policy is not valid: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(policies.Versions("ks1"));
    }

    [Fact]
    public async Task Push_FileReadOnce_StoresTheTextThatWasValidatedWithoutItsByteOrderMark()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        using var directory = new TempDirectory();
        string file = directory.File("policy.json");
        await File.WriteAllTextAsync(file, DenyAll, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var policies = new PolicyRecords(store.Database);

        var pushed = policies.Push("ks1", PolicyFile.Load(file));

        Assert.Equal(DenyAll, policies.Document("ks1"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(DenyAll))), pushed.Sha256);
        Assert.Throws<KeyManagementException>(() => policies.Push("ks1", PolicyFile.Load(directory.File("missing.json"))));
        Assert.Single(policies.Versions("ks1"));
    }

    [Fact]
    public void Constructor_SqliteDatabase_RefusedNamingPolicyFile()
    {
        using var directory = new TempDirectory();
        using var key = MasterKey.Generate();
        using var database = HyokDatabase.Open(directory.File("hyok.db"), key);

        var error = Assert.Throws<KeyManagementException>(() => new PolicyRecords(database));

        Assert.Contains("only with PostgreSQL storage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredPolicySource_PushEditRemove_InForceWithinASecondBadEditKeepsThePrevious()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        var source = new StoredPolicySource(store.StartWatcher(store.Database), NullLogger.Instance);
        var policies = new PolicyRecords(store.OpenInstance());

        policies.Push("ks1", DenyEbs);
        bool pushed = await Eventually.WithinAsync(Eventually.OneSecond, () => source.PolicyOf("ks1")?.Rules.Count == 2);
        await store.Db.Database.ExecuteAsync("UPDATE policy_versions SET document = '{ not json', sha256 = 'edited' WHERE key_store = 'ks1'");
        await Task.Delay(500);
        var afterBadEdit = source.PolicyOf("ks1");
        policies.Remove("ks1");
        bool removed = await Eventually.WithinAsync(Eventually.OneSecond, () => source.PolicyOf("ks1") is null);

        Assert.True(pushed, "the pushed policy was not in force within a second");
        Assert.Equal(["no-ebs", "rest"], afterBadEdit!.Rules.Select(r => r.Name));
        Assert.True(removed, "the removed policy was still in force after a second");
    }

    [Fact]
    public async Task StoredPolicySource_FirstDocumentInvalid_KeyStoreDeniesEverything()
    {
        using var store = await PostgreSqlTestStore.CreateAsync();
        await store.Db.Database.ExecuteAsync("""
            INSERT INTO policy_versions (key_store, version, document, sha256, created_at) VALUES ('ks1', 1, '{ "rules": 7 }', 'x', 0);
            INSERT INTO policies (key_store, current_version, updated_at) VALUES ('ks1', 1, 0);
            """);
        var source = new StoredPolicySource(store.StartWatcher(store.Database), NullLogger.Instance);

        var policy = source.PolicyOf("ks1");

        Assert.NotNull(policy);
        Assert.Equal(PolicyMode.Enforce, policy.Mode);
        Assert.Empty(policy.Rules);
    }
}
