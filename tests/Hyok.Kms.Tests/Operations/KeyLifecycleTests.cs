using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.Hosting;

namespace Hyok.Kms.Tests.Operations;

public sealed class KeyLifecycleTests : EmulatorTest
{
    [Fact]
    public async Task CreateKey_Defaults_EnabledSymmetricAwsKmsKeyWithArn()
    {
        var key = await CreateKeyAsync("my key");

        Assert.Equal($"arn:aws:kms:us-east-1:111122223333:key/{key.KeyId}", key.Arn);
        Assert.True(Guid.TryParseExact(key.KeyId, "D", out _));
        Assert.Equal(KeyState.Enabled, key.KeyState);
        Assert.True(key.Enabled);
        Assert.Equal(OriginType.AWS_KMS, key.Origin);
        Assert.Equal(KeySpec.SYMMETRIC_DEFAULT, key.KeySpec);
        Assert.Equal(KeyUsageType.ENCRYPT_DECRYPT, key.KeyUsage);
        Assert.Equal("my key", key.Description);
        Assert.Equal("111122223333", key.AWSAccountId);
        Assert.InRange(key.CreationDate!.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task CreateKey_AsymmetricSpec_ThrowsUnsupportedOperation()
    {
        await Assert.ThrowsAsync<UnsupportedOperationException>(() =>
            Kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = KeySpec.RSA_2048, KeyUsage = KeyUsageType.ENCRYPT_DECRYPT }));
    }

    [Fact]
    public async Task CreateKey_ExternalKeyStoreOriginWithoutStore_ThrowsValidation()
    {
        var e = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() =>
            Kms.CreateKeyAsync(new CreateKeyRequest { Origin = OriginType.EXTERNAL_KEY_STORE }));

        Assert.Equal("ValidationException", e.ErrorCode);
    }

    [Theory]
    [InlineData("EXTERNAL")]
    [InlineData("AWS_CLOUDHSM")]
    public async Task CreateKey_ImportedOrCloudHsmOrigin_ThrowsUnsupportedOperation(string origin)
    {
        await Assert.ThrowsAsync<UnsupportedOperationException>(() => Kms.CreateKeyAsync(new CreateKeyRequest { Origin = new OriginType(origin) }));
    }

    [Fact]
    public async Task DescribeKey_ByIdArnAliasAndAliasArn_FindsTheSameKey()
    {
        var key = await CreateKeyAsync();
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/describe-me", TargetKeyId = key.KeyId });

        foreach (var reference in new[] { key.KeyId, key.Arn, "alias/describe-me", "arn:aws:kms:us-east-1:111122223333:alias/describe-me" })
        {
            var described = await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = reference });
            Assert.Equal(key.KeyId, described.KeyMetadata.KeyId);
        }
    }

    [Theory]
    [InlineData("4c6b0b39-0bb5-4a39-9e0b-aaaaaaaaaaaa")]
    [InlineData("not-a-key")]
    [InlineData("alias/nothing-here")]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:key/4c6b0b39-0bb5-4a39-9e0b-aaaaaaaaaaaa")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/not-a-uuid")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:alias/missing")]
    [InlineData("key/4c6b0b39-0bb5-4a39-9e0b-aaaaaaaaaaaa")]
    public async Task DescribeKey_UnknownKey_ThrowsNotFound(string keyId)
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = keyId }));
    }

    [Fact]
    public async Task ListKeys_WithLimit_PagesThroughEveryKey()
    {
        var created = new HashSet<string>();
        for (int i = 0; i < 5; i++)
        {
            created.Add((await CreateKeyAsync()).KeyId);
        }

        var seen = new List<string>();
        string? marker = null;
        int pages = 0;
        do
        {
            var page = await Kms.ListKeysAsync(new ListKeysRequest { Limit = 2, Marker = marker });
            seen.AddRange(page.Keys.Select(k => k.KeyId));
            Assert.All(page.Keys, k => Assert.EndsWith(k.KeyId, k.KeyArn, StringComparison.Ordinal));
            marker = page.Truncated == true ? page.NextMarker : null;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task ListKeys_BadMarker_ThrowsInvalidMarker()
    {
        await Assert.ThrowsAsync<InvalidMarkerException>(() => Kms.ListKeysAsync(new ListKeysRequest { Marker = "garbage" }));
    }

    [Fact]
    public async Task DisableKey_ThenEncrypt_ThrowsDisabledUntilEnabledAgain()
    {
        var key = await CreateKeyAsync();
        await Kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId });

        Assert.Equal(KeyState.Disabled, (await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId })).KeyMetadata.KeyState);
        await Assert.ThrowsAsync<DisabledException>(() => Kms.EncryptAsync(Encrypt(key.KeyId)));

        await Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId });
        Assert.NotNull((await Kms.EncryptAsync(Encrypt(key.KeyId))).CiphertextBlob);
    }

    [Fact]
    public async Task ScheduleKeyDeletion_Default_PendingDeletionFor30DaysAndUnusable()
    {
        var key = await CreateKeyAsync();

        var scheduled = await Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId });

        Assert.Equal(key.Arn, scheduled.KeyId);
        Assert.Equal(30, scheduled.PendingWindowInDays);
        Assert.Equal(KeyState.PendingDeletion, scheduled.KeyState);
        Assert.InRange(scheduled.DeletionDate!.Value, DateTime.UtcNow.AddDays(30).AddMinutes(-1), DateTime.UtcNow.AddDays(30).AddMinutes(1));
        await Assert.ThrowsAsync<KMSInvalidStateException>(() => Kms.EncryptAsync(Encrypt(key.KeyId)));
        await Assert.ThrowsAsync<KMSInvalidStateException>(() => Kms.EnableKeyAsync(new EnableKeyRequest { KeyId = key.KeyId }));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(31)]
    public async Task ScheduleKeyDeletion_WindowOutside7To30_ThrowsValidation(int days)
    {
        var key = await CreateKeyAsync();

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() =>
            Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = days }));

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public async Task CancelKeyDeletion_PendingKey_BecomesDisabled()
    {
        var key = await CreateKeyAsync();
        await Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 });

        var cancelled = await Kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId });

        Assert.Equal(key.Arn, cancelled.KeyId);
        var described = (await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = key.KeyId })).KeyMetadata;
        Assert.Equal(KeyState.Disabled, described.KeyState);
        Assert.Null(described.DeletionDate);
    }

    [Fact]
    public async Task CancelKeyDeletion_EnabledKey_ThrowsInvalidState()
    {
        var key = await CreateKeyAsync();

        await Assert.ThrowsAsync<KMSInvalidStateException>(() => Kms.CancelKeyDeletionAsync(new CancelKeyDeletionRequest { KeyId = key.KeyId }));
    }

    internal static EncryptRequest Encrypt(string keyId) => new() { KeyId = keyId, Plaintext = new MemoryStream([1, 2, 3]) };
}
