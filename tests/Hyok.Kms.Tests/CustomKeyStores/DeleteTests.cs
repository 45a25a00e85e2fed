using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Keys;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>
/// DeleteCustomKeyStore: refused while connected and while KMS keys belong to the store. CreateKey for external key
/// stores is another engineer's work on a parallel branch, so the key rows here are inserted through the database.
/// </summary>
public sealed class DeleteTests(HyokProxy proxy) : ExternalKeyStoreTest(proxy)
{
    [Fact]
    public async Task Delete_DisconnectedWithoutKeys_Gone()
    {
        string id = await CreateStoreAsync();

        await Kms.DeleteCustomKeyStoreAsync(new DeleteCustomKeyStoreRequest { CustomKeyStoreId = id });

        await Assert.ThrowsAsync<CustomKeyStoreNotFoundException>(() => DescribeStoreAsync(id));
        await Assert.ThrowsAsync<CustomKeyStoreNotFoundException>(
            () => Kms.DeleteCustomKeyStoreAsync(new DeleteCustomKeyStoreRequest { CustomKeyStoreId = id }));

        // Its name and its endpoint + path are free again.
        string again = (await Kms.CreateCustomKeyStoreAsync(AlphaRequest())).CustomKeyStoreId;
        Assert.NotEqual(id, again);
    }

    [Fact]
    public async Task Delete_Connected_CustomKeyStoreInvalidStateException()
    {
        string id = await CreateConnectedStoreAsync();

        var e = await Assert.ThrowsAsync<CustomKeyStoreInvalidStateException>(
            () => Kms.DeleteCustomKeyStoreAsync(new DeleteCustomKeyStoreRequest { CustomKeyStoreId = id }));

        Assert.Contains("CONNECTED", e.Message, StringComparison.Ordinal);
        Assert.Equal(ConnectionStateType.CONNECTED, (await DescribeStoreAsync(id)).ConnectionState);
    }

    [Fact]
    public async Task Delete_WithAKey_CustomKeyStoreHasCMKsException_UntilItsDeletionDateHasPassed()
    {
        string id = await CreateStoreAsync();
        var key = InsertKey(id, KmsKeyState.Enabled, null);

        await Assert.ThrowsAsync<CustomKeyStoreHasCMKsException>(
            () => Kms.DeleteCustomKeyStoreAsync(new DeleteCustomKeyStoreRequest { CustomKeyStoreId = id }));
        Running.Emulator.Database.UpdateKeyState(key.Id, KmsKeyState.PendingDeletion, DateTimeOffset.UtcNow.AddDays(7));
        await Assert.ThrowsAsync<CustomKeyStoreHasCMKsException>(
            () => Kms.DeleteCustomKeyStoreAsync(new DeleteCustomKeyStoreRequest { CustomKeyStoreId = id }));
        Running.Emulator.Database.UpdateKeyState(key.Id, KmsKeyState.PendingDeletion, DateTimeOffset.UtcNow.AddSeconds(-1));
        await Kms.DeleteCustomKeyStoreAsync(new DeleteCustomKeyStoreRequest { CustomKeyStoreId = id });

        await Assert.ThrowsAsync<CustomKeyStoreNotFoundException>(() => DescribeStoreAsync(id));
    }

    private KmsKey InsertKey(string storeId, KmsKeyState state, DateTimeOffset? deletion)
    {
        var id = Guid.NewGuid();
        var key = new KmsKey(id, Running.Emulator.Arns.Key(id), "EXTERNAL_KEY_STORE", state, "test", DateTimeOffset.UtcNow, deletion, storeId, "k-both");
        Running.Emulator.Database.InsertKey(key, new byte[32]);
        return key;
    }
}
