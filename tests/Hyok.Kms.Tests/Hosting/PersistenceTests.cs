using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Hyok.Kms.Tests.Hosting;

public sealed class PersistenceTests : EmulatorTest
{
    [Fact]
    public async Task Restart_KeysAliasesStatesAndCiphertexts_Survive()
    {
        var kept = await CreateKeyAsync("kept");
        var disabled = await CreateKeyAsync("disabled");
        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = disabled.KeyId });
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/kept", TargetKeyId = kept.KeyId });
        var context = new Dictionary<string, string> { ["k"] = "v" };
        var encrypted = await Kms.EncryptAsync(new EncryptRequest { KeyId = "alias/kept", Plaintext = new MemoryStream([7, 7, 7]), EncryptionContext = context });

        await Restart();

        var described = (await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/kept" })).KeyMetadata;
        Assert.Equal(kept.KeyId, described.KeyId);
        Assert.Equal("kept", described.Description);
        Assert.Equal(KeyState.Disabled, (await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = disabled.KeyId })).KeyMetadata.KeyState);
        var decrypted = await Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = encrypted.CiphertextBlob, EncryptionContext = context });
        Assert.Equal(new byte[] { 7, 7, 7 }, decrypted.Plaintext.ToArray());
    }

    [Fact]
    public async Task Restart_WithAnotherMasterKey_RefusesToOpen()
    {
        await CreateKeyAsync();
        await Running.DisposeAsync();
        string keyFile = Path.Combine(Folder, "kms-master.key");
        File.Delete(keyFile);
        Hyok.Storage.MasterKey.CreateFile(keyFile).Dispose();

        var error = await Assert.ThrowsAsync<Hyok.Storage.HyokStoreException>(() => RunningEmulator.StartAsync(Folder));

        Assert.Contains("master key does not match", error.Message, StringComparison.Ordinal);
        File.Delete(Path.Combine(Folder, "kms.db"));
        await Restart();
    }

    [Fact]
    public async Task Database_KeyMaterial_IsSealedNotRaw()
    {
        var key = await CreateKeyAsync();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Folder, "kms.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT material FROM keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", key.KeyId);

        byte[] stored = (byte[])command.ExecuteScalar()!;

        Assert.Equal(1 + 12 + 16 + 32, stored.Length);
    }
}
