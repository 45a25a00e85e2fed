using System.Diagnostics;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.CustomKeyStores;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Testing;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>DescribeCustomKeyStores paging and lookups; key store state across an emulator restart, including an interrupted connect.</summary>
public sealed class DescribeAndRestartTests(HyokProxy proxy) : ExternalKeyStoreTest(proxy)
{
    private const string Health =
        """{"xksProxyFleetSize":1,"xksProxyVendor":"V","xksProxyModel":"M","ekmVendor":"E","ekmFleetDetails":[{"id":"a","model":"m","healthStatus":"ACTIVE"}]}""";

    [Fact]
    public async Task Describe_ThreeStoresTwoPerPage_TwoPagesInIdOrder()
    {
        // Paging is about the listing, not the proxy: the rows go straight into the database.
        string[] ids = [.. Enumerable.Range(0, 3).Select(InsertStore).Order(StringComparer.Ordinal)];

        var first = await Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest { Limit = 2 });
        var second = await Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest { Limit = 2, Marker = first.NextMarker });

        Assert.True(first.Truncated);
        Assert.Equal(ids[..2], first.CustomKeyStores.Select(s => s.CustomKeyStoreId));
        Assert.False(second.Truncated);
        Assert.Null(second.NextMarker);
        Assert.Equal(ids[2..], second.CustomKeyStores.Select(s => s.CustomKeyStoreId));
    }

    [Fact]
    public async Task Describe_ByNameAndUnknownName_FoundOrCustomKeyStoreNotFoundException()
    {
        string id = await CreateStoreAsync("by-name");

        var found = await Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest { CustomKeyStoreName = "by-name" });

        Assert.Equal(id, Assert.Single(found.CustomKeyStores).CustomKeyStoreId);
        await Assert.ThrowsAsync<CustomKeyStoreNotFoundException>(
            () => Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest { CustomKeyStoreName = "nope" }));
        await Assert.ThrowsAsync<InvalidMarkerException>(
            () => Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest { Marker = "garbage" }));
    }

    [Fact]
    public async Task Restart_ConnectedStore_StillConnectedAndItsSealedSecretStillWorks()
    {
        string id = await CreateConnectedStoreAsync("persistent");
        var before = await DescribeStoreAsync(id);

        await StopAsync();
        await StartAsync();
        var after = await DescribeStoreAsync(id);
        await DisconnectAsync(id);
        var reconnected = await ConnectAsync(id);

        Assert.Equal(ConnectionStateType.CONNECTED, after.ConnectionState);
        Assert.Equal(before.CustomKeyStoreName, after.CustomKeyStoreName);
        Assert.Equal(before.CreationDate, after.CreationDate);
        Assert.Equal(before.XksProxyConfiguration.UriPath, after.XksProxyConfiguration.UriPath);
        Assert.Equal(ConnectionStateType.CONNECTED, reconnected.ConnectionState);
    }

    [Fact]
    public async Task Shutdown_WhileConnecting_StopsPromptlyAndTheAttemptResumesAtTheNextStart()
    {
        await using var slow = await ScriptedProxy.StartAsync(200, Health, TimeSpan.FromSeconds(3));
        await StopAsync();
        await StartAsync(o => o.XksCaBundleFile = slow.CertificateFile);
        var settings = slow.Settings();
        string id = (await Kms.CreateCustomKeyStoreAsync(CreateRequest("slow", settings.UriEndpoint, settings.UriPath, settings.AccessKeyId, settings.Secret)))
            .CustomKeyStoreId;
        await Kms.ConnectCustomKeyStoreAsync(new ConnectCustomKeyStoreRequest { CustomKeyStoreId = id });
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(5), () => ValueTask.FromResult(Connects(slow) == 1)));

        var stopping = Stopwatch.StartNew();
        await StopAsync();
        stopping.Stop();
        await StartAsync(o => o.XksCaBundleFile = slow.CertificateFile);
        var resumed = await DescribeStoreAsync(id);
        CustomKeyStoresListEntry? final = null;
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            final = await DescribeStoreAsync(id);
            return final.ConnectionState != ConnectionStateType.CONNECTING;
        }));

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(2.5), $"stopping took {stopping.Elapsed}");
        Assert.Equal(ConnectionStateType.CONNECTING, resumed.ConnectionState);
        Assert.Equal(ConnectionStateType.CONNECTED, final!.ConnectionState);
        Assert.Equal(2, Connects(slow));
        Assert.Contains(Logs.Lines, l => l.Contains("was CONNECTING at the last shutdown", StringComparison.Ordinal));
    }

    private static int Connects(ScriptedProxy proxy)
    {
        lock (proxy.Requests)
        {
            return proxy.Requests.Count(r => r.Body.Contains("\"ConnectCustomKeyStore\"", StringComparison.Ordinal));
        }
    }

    private string InsertStore(int n)
    {
        string id = KeyStoreIds.New();
        var store = new KmsCustomKeyStore(id, $"paged-{n}", KeyStoreConnectionStates.Disconnected, null, DateTimeOffset.UtcNow,
            $"https://proxy{n}.example.com", "/kms/xks/v1", "PUBLIC_ENDPOINT", "AKIAPAGEDSTORE234567", null, 1);
        Assert.True(Running.Emulator.Database.TryInsertKeyStore(store, Convert.ToBase64String(new byte[32])));
        return id;
    }
}
