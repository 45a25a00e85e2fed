using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Kms.Tests.Hosting;
using Hyok.Testing;

namespace Hyok.Kms.Tests.ExternalKeys;

public sealed class ExternalKeyCreateTests(HyokProxy proxy) : ExternalKeyTest(proxy)
{
    [Fact]
    public async Task CreateKey_ExternalKeyInConnectedStore_IsDescribedWithItsConfiguration()
    {
        string storeId = await CreateConnectedStoreAsync();
        string xksKeyId = Proxy.CreateKey();

        var created = await Kms.CreateKeyAsync(new CreateKeyRequest { Origin = OriginType.EXTERNAL_KEY_STORE, CustomKeyStoreId = storeId, XksKeyId = xksKeyId });
        var described = (await Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = created.KeyMetadata.KeyId })).KeyMetadata;

        foreach (var metadata in new[] { created.KeyMetadata, described })
        {
            Assert.Equal(OriginType.EXTERNAL_KEY_STORE, metadata.Origin);
            Assert.Equal(storeId, metadata.CustomKeyStoreId);
            Assert.Equal(xksKeyId, metadata.XksKeyConfiguration.Id);
            Assert.Equal(KeyState.Enabled, metadata.KeyState);
            Assert.Equal(KeySpec.SYMMETRIC_DEFAULT, metadata.KeySpec);
        }

        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond * 5, () => Proxy.AuditOf(created.ResponseMetadata.RequestId).Count == 1));
        var audited = Proxy.AuditOf(created.ResponseMetadata.RequestId).Single();
        Assert.Equal(("GetKeyMetadata", "CreateKey", RunningEmulator.Principal, xksKeyId, "OK"),
            (audited.XksOperation, audited.KmsOperation, audited.AwsPrincipalArn, audited.ExternalKeyId, audited.Outcome));
    }

    [Fact]
    public async Task CreateKey_UnknownStore_ThrowsCustomKeyStoreNotFound()
    {
        await Assert.ThrowsAsync<CustomKeyStoreNotFoundException>(() => CreateXksKeyAsync("cks-0123456789abcdef0", "k-both"));
    }

    [Fact]
    public async Task CreateKey_StoreNotConnected_ThrowsCustomKeyStoreInvalidState()
    {
        string storeId = await CreateStoreAsync();

        var e = await Assert.ThrowsAsync<CustomKeyStoreInvalidStateException>(() => CreateXksKeyAsync(storeId, "k-both"));

        Assert.Contains("DISCONNECTED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_ExternalKeyAlreadyUsedInStore_ThrowsXksKeyAlreadyInUse()
    {
        string storeId = await CreateConnectedStoreAsync();
        string xksKeyId = Proxy.CreateKey();
        var first = await CreateXksKeyAsync(storeId, xksKeyId);

        var e = await Assert.ThrowsAsync<XksKeyAlreadyInUseException>(() => CreateXksKeyAsync(storeId, xksKeyId));

        Assert.Contains(first.KeyId, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_ExternalKeyUnknownToProxy_ThrowsXksKeyNotFound()
    {
        string storeId = await CreateConnectedStoreAsync();

        await Assert.ThrowsAsync<XksKeyNotFoundException>(() => CreateXksKeyAsync(storeId, "no-such-key"));
    }

    [Theory]
    [InlineData("k-enc")]
    [InlineData("k-disabled")]
    public async Task CreateKey_ExternalKeyEncryptOnlyOrDisabled_ThrowsXksKeyInvalidConfiguration(string xksKeyId)
    {
        string storeId = await CreateConnectedStoreAsync();

        await Assert.ThrowsAsync<XksKeyInvalidConfigurationException>(() => CreateXksKeyAsync(storeId, xksKeyId));
    }

    [Fact]
    public async Task CreateKey_FailedChecks_StoreNoKey()
    {
        string storeId = await CreateConnectedStoreAsync();
        await Assert.ThrowsAsync<XksKeyInvalidConfigurationException>(() => CreateXksKeyAsync(storeId, "k-enc"));

        var keys = await Kms.ListKeysAsync(new ListKeysRequest());

        Assert.Empty(keys.Keys);
    }

    [Theory]
    [InlineData("EXTERNAL_KEY_STORE", null, "k-both")]
    [InlineData("EXTERNAL_KEY_STORE", "cks-0123456789abcdef0", null)]
    [InlineData("AWS_KMS", null, "k-both")]
    [InlineData("AWS_KMS", "cks-0123456789abcdef0", null)]
    [InlineData("EXTERNAL_KEY_STORE", "cks-0123456789abcdef0", "bad/key id")]
    public async Task CreateKey_InconsistentOriginParameters_ThrowsValidation(string origin, string? storeId, string? xksKeyId)
    {
        var e = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => Kms.CreateKeyAsync(new CreateKeyRequest
        {
            Origin = new OriginType(origin),
            CustomKeyStoreId = storeId,
            XksKeyId = xksKeyId,
        }));

        Assert.Equal("ValidationException", e.ErrorCode);
    }

    [Fact]
    public async Task CreateKey_ExternalKeyWithDisabledState_IsAcceptedOnceEnabled()
    {
        string storeId = await CreateConnectedStoreAsync();
        string xksKeyId = Proxy.CreateKey();
        Proxy.SetKeyState(xksKeyId, Hyok.Keys.KeyState.Disabled);
        await Assert.ThrowsAsync<XksKeyInvalidConfigurationException>(() => CreateXksKeyAsync(storeId, xksKeyId));

        Proxy.SetKeyState(xksKeyId, Hyok.Keys.KeyState.Enabled);
        var key = await CreateXksKeyAsync(storeId, xksKeyId);

        Assert.Equal(xksKeyId, key.XksKeyConfiguration.Id);
    }
}
