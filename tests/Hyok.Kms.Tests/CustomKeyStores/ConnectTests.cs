using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.CustomKeyStores;

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
    }
}
