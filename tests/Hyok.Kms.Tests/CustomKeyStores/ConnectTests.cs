using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>ConnectCustomKeyStore and DisconnectCustomKeyStore against a real Hyok proxy, through the AWS SDK.</summary>
public sealed class ConnectTests(HyokProxy proxy) : ExternalKeyStoreTest(proxy)
{
    [Fact]
    public async Task CreateThenConnect_AgainstHyok_IsDescribedConnected()
    {
        string id = await CreateStoreAsync();

        var created = await DescribeStoreAsync(id);
        var connected = await ConnectAsync(id);

        Assert.Matches("^cks-[0-9a-f]{17}$", id);
        Assert.Equal(ConnectionStateType.DISCONNECTED, created.ConnectionState);
        Assert.Equal(ConnectionStateType.CONNECTED, connected.ConnectionState);
        Assert.Equal(CustomKeyStoreType.EXTERNAL_KEY_STORE, connected.CustomKeyStoreType);
        Assert.Equal(Proxy.Endpoint, connected.XksProxyConfiguration.UriEndpoint);
        Assert.Equal(Proxy.AlphaCredential.AccessKeyId, connected.XksProxyConfiguration.AccessKeyId);
        Assert.Null(connected.ConnectionErrorCode);
    }

    [Fact]
    public async Task Connect_AlreadyConnected_SucceedsAndStaysConnected()
    {
        string id = await CreateConnectedStoreAsync();

        await Kms.ConnectCustomKeyStoreAsync(new ConnectCustomKeyStoreRequest { CustomKeyStoreId = id });

        Assert.Equal(ConnectionStateType.CONNECTED, (await DescribeStoreAsync(id)).ConnectionState);
    }

    [Fact]
    public async Task Connect_CredentialRevokedOnTheProxyAfterCreation_FailedWithInvalidCredentials()
    {
        var credential = Proxy.AddCredential();
        string id = (await Kms.CreateCustomKeyStoreAsync(AlphaRequest(accessKeyId: credential.AccessKeyId, secret: credential.Secret))).CustomKeyStoreId;
        Proxy.RemoveCredential(HyokProxy.Alpha, credential.AccessKeyId);

        var failed = await ConnectAsync(id);

        Assert.Equal(ConnectionStateType.FAILED, failed.ConnectionState);
        Assert.Equal(ConnectionErrorCodeType.INVALID_CREDENTIALS, failed.ConnectionErrorCode);
    }

    [Fact]
    public async Task Connect_KeyStoreBlockedOnTheProxy_FailedNotReachable_ThenMustDisconnectBeforeRetrying()
    {
        string id = await CreateStoreAsync();
        Proxy.SetBlocked(HyokProxy.Alpha, true);
        try
        {
            var failed = await ConnectAsync(id);
            var retry = await Assert.ThrowsAsync<CustomKeyStoreInvalidStateException>(
                () => Kms.ConnectCustomKeyStoreAsync(new ConnectCustomKeyStoreRequest { CustomKeyStoreId = id }));

            Assert.Equal(ConnectionStateType.FAILED, failed.ConnectionState);
            Assert.Equal(ConnectionErrorCodeType.XKS_PROXY_NOT_REACHABLE, failed.ConnectionErrorCode);
            Assert.Contains("Disconnect", retry.Message, StringComparison.Ordinal);
        }
        finally
        {
            Proxy.SetBlocked(HyokProxy.Alpha, false);
        }

        await DisconnectAsync(id);
        var disconnected = await DescribeStoreAsync(id);
        var connected = await ConnectAsync(id);

        Assert.Equal(ConnectionStateType.DISCONNECTED, disconnected.ConnectionState);
        Assert.Null(disconnected.ConnectionErrorCode);
        Assert.Equal(ConnectionStateType.CONNECTED, connected.ConnectionState);
    }

    [Fact]
    public async Task Disconnect_ConnectedStoreTwice_DisconnectedBothTimes()
    {
        string id = await CreateConnectedStoreAsync();

        await DisconnectAsync(id);
        await DisconnectAsync(id);

        Assert.Equal(ConnectionStateType.DISCONNECTED, (await DescribeStoreAsync(id)).ConnectionState);
    }

    [Fact]
    public async Task ConnectAndDisconnect_UnknownId_CustomKeyStoreNotFoundException()
    {
        await Assert.ThrowsAsync<CustomKeyStoreNotFoundException>(
            () => Kms.ConnectCustomKeyStoreAsync(new ConnectCustomKeyStoreRequest { CustomKeyStoreId = "cks-0123456789abcdef0" }));
        await Assert.ThrowsAsync<CustomKeyStoreNotFoundException>(() => DisconnectAsync("cks-0123456789abcdef0"));
    }

    [Fact]
    public async Task Connect_HyokProxy_SentConnectCustomKeyStoreWithTheEmulatorsRequestId()
    {
        string id = await CreateStoreAsync();

        var response = await Kms.ConnectCustomKeyStoreAsync(new ConnectCustomKeyStoreRequest { CustomKeyStoreId = id });
        Assert.True(await Hyok.Testing.Eventually.WithinAsync(TimeSpan.FromSeconds(15), () => ValueTask.FromResult(
            Proxy.AuditedRequests().Any(r => r.KmsOperation == "ConnectCustomKeyStore" && r.KmsRequestId == response.ResponseMetadata.RequestId))));
    }
}
