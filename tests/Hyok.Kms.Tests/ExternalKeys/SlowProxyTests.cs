using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.ExternalKeys.Support;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Kms.Tests.Hosting;
using Hyok.Testing;

namespace Hyok.Kms.Tests.ExternalKeys;

/// <summary>
/// KMS gives the proxy 250 ms per call (xks-spec.md §9). The store and key are set up by an emulator with a patient
/// deadline (this machine is shared and loaded); the same state is then served by an emulator with the real 250 ms,
/// in front of which the proxy's answers are held back by a relay.
/// </summary>
public sealed class SlowProxyTests(HyokProxy proxy) : IClassFixture<HyokProxy>, IAsyncLifetime
{
    private static readonly Dictionary<string, string> Context = new() { ["tenant"] = "acme" };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hyok-kms-xks-slow-tests", Guid.NewGuid().ToString("N"));
    private readonly SlowRelay _relay = new(proxy.Port);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EncryptDecrypt_ProxySlowerThan250Ms_ThrowsInvalidStateTimeout()
    {
        var (keyId, blob) = await SetUpPatientlyAsync();
        _relay.Delay = TimeSpan.FromMilliseconds(600);

        await using var running = await RunningEmulator.StartAsync(_folder, configure: Configure(250));
        using var kms = running.Client();

        var encrypt = await Assert.ThrowsAsync<KMSInvalidStateException>(() =>
            kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = new MemoryStream([1, 2, 3]), EncryptionContext = Context }));
        var decrypt = await Assert.ThrowsAsync<KMSInvalidStateException>(() =>
            kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(blob), EncryptionContext = Context }));
        Assert.Contains("did not respond to the request within the timeout", encrypt.Message, StringComparison.Ordinal);
        Assert.Contains("did not respond to the request within the timeout", decrypt.Message, StringComparison.Ordinal);
    }

    /// <summary>A connected store reached through the relay, a key on a fresh external key, and a blob, with a 10 s deadline.</summary>
    private async Task<(string KeyId, byte[] Blob)> SetUpPatientlyAsync()
    {
        await using var running = await RunningEmulator.StartAsync(_folder, configure: Configure((int)HyokProxy.Patient.TotalMilliseconds));
        using var kms = running.Client();
        var settings = proxy.Settings();
        string storeId = (await kms.CreateCustomKeyStoreAsync(new CreateCustomKeyStoreRequest
        {
            CustomKeyStoreName = "hyok-slow",
            CustomKeyStoreType = CustomKeyStoreType.EXTERNAL_KEY_STORE,
            XksProxyConnectivity = XksProxyConnectivityType.PUBLIC_ENDPOINT,
            XksProxyUriEndpoint = _relay.Endpoint,
            XksProxyUriPath = settings.UriPath,
            XksProxyAuthenticationCredential = new XksProxyAuthenticationCredentialType { AccessKeyId = settings.AccessKeyId, RawSecretAccessKey = settings.Secret },
        })).CustomKeyStoreId;
        await kms.ConnectCustomKeyStoreAsync(new ConnectCustomKeyStoreRequest { CustomKeyStoreId = storeId });
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () =>
            (await kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest { CustomKeyStoreId = storeId })).CustomKeyStores[0].ConnectionState
                == ConnectionStateType.CONNECTED));
        var key = (await kms.CreateKeyAsync(new CreateKeyRequest { Origin = OriginType.EXTERNAL_KEY_STORE, CustomKeyStoreId = storeId, XksKeyId = proxy.CreateKey() })).KeyMetadata;
        var encrypted = await kms.EncryptAsync(new EncryptRequest { KeyId = key.KeyId, Plaintext = new MemoryStream([1, 2, 3]), EncryptionContext = Context });
        return (key.KeyId, encrypted.CiphertextBlob.ToArray());
    }

    private Action<Hyok.Kms.Configuration.KmsOptions> Configure(int timeoutMilliseconds) => options =>
    {
        options.XksCaBundleFile = proxy.CertificateFile;
        options.XksTrustSystemRoots = false;
        options.XksTimeoutMilliseconds = timeoutMilliseconds;
        options.XksHealthCheckSeconds = 0;
    };
}
