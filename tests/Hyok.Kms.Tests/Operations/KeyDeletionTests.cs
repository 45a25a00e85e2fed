using System.Text;
using System.Text.Json.Nodes;
using Hyok.Kms.Configuration;
using Hyok.Kms.CustomKeyStores;
using Hyok.Kms.Keys;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;
using Hyok.Kms.Storage;
using Hyok.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Kms.Tests.Operations;

/// <summary>The waiting period, driven by a fake clock straight through the operation table (no SigV4 in the way).</summary>
public sealed class KeyDeletionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hyok-kms-deletion-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly KmsDatabase _database;
    private readonly KmsOperations _operations;

    public KeyDeletionTests()
    {
        using var masterKey = MasterKey.Generate();
        _database = KmsDatabase.Open(Path.Combine(_folder, "kms.db"), masterKey);
        _operations = new KmsOperations(new KmsContext(
            _database, new KmsArns("us-east-1", "111122223333"), _time, new KeyStoreProxies(_database, new KmsOptions(), _time)), NullLogger.Instance);
    }

    [Fact]
    public async Task ScheduledKey_AfterDeletionDate_IsGoneWithItsAliases()
    {
        string keyId = (await Call("CreateKey", "{}"))["KeyMetadata"]!["KeyId"]!.GetValue<string>();
        await Call("CreateAlias", $$"""{"AliasName":"alias/doomed","TargetKeyId":"{{keyId}}"}""");
        await Call("ScheduleKeyDeletion", $$"""{"KeyId":"{{keyId}}","PendingWindowInDays":7}""");

        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal("PendingDeletion", (await Call("DescribeKey", $$"""{"KeyId":"{{keyId}}"}"""))["KeyMetadata"]!["KeyState"]!.GetValue<string>());

        _time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<KmsException>(() => Call("DescribeKey", $$"""{"KeyId":"{{keyId}}"}"""));
        Assert.Equal("NotFoundException", error.Error.Type);
        Assert.Null(_database.FindAlias("alias/doomed"));
        Assert.Null(_database.FindKey(Guid.Parse(keyId)));
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<JsonObject> Call(string operation, string json)
    {
        var caller = new KmsCaller("AKIAEMULATORTEST0001", "arn:aws:iam::111122223333:user/tester");
        var request = KmsRequest.Parse(Encoding.UTF8.GetBytes(json));
        return await _operations.Find(operation)!(new KmsCall(operation, request, caller, Guid.NewGuid().ToString(), CancellationToken.None));
    }
}
