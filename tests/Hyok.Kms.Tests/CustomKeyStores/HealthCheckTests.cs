using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Testing;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>The periodic KmsHealthCheck, every second here, against a real Hyok proxy (seen in the proxy's audit trail).</summary>
public sealed class HealthCheckTests(HyokProxy proxy) : ExternalKeyStoreTest(proxy)
{
    protected override int HealthCheckSeconds => 1;

    [Fact]
    public async Task HealthCheck_ConnectedStore_ProxySeesKmsHealthCheckCalls()
    {
        await CreateConnectedStoreAsync();

        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(15), () => ValueTask.FromResult(
            Proxy.AuditedRequests().Count(r => r.KeyStore == HyokProxy.Alpha && r.KmsOperation == "KmsHealthCheck") >= 2)),
            "the proxy saw fewer than two KmsHealthCheck calls");
    }

    [Fact]
    public async Task HealthCheck_ProxyRefusesWhileConnected_WarningLoggedAndStoreStaysConnected()
    {
        string id = await CreateConnectedStoreAsync();
        Proxy.SetBlocked(HyokProxy.Alpha, true);
        try
        {
            Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(15), () => ValueTask.FromResult(
                Logs.Lines.Any(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains($"KmsHealthCheck of custom key store {id} failed", StringComparison.Ordinal)))),
                "no warning for the failed KmsHealthCheck");
        }
        finally
        {
            Proxy.SetBlocked(HyokProxy.Alpha, false);
        }

        Assert.Equal(Amazon.KeyManagementService.ConnectionStateType.CONNECTED, (await DescribeStoreAsync(id)).ConnectionState);
    }

    [Fact]
    public async Task HealthCheck_DisconnectedStore_NotChecked()
    {
        string id = await CreateConnectedStoreAsync();
        await DisconnectAsync(id);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a round begun before the disconnect may still land
        int before = Proxy.AuditedRequests().Count(r => r.KmsOperation == "KmsHealthCheck");

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(before, Proxy.AuditedRequests().Count(r => r.KmsOperation == "KmsHealthCheck"));
    }
}
