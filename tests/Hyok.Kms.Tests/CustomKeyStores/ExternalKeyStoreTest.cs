using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Kms.Tests.Hosting;
using Hyok.Testing;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>
/// Base of the external key store tests: a real Hyok proxy over HTTPS (shared by the test class) and, per test, a fresh
/// emulator that trusts the proxy's certificate, with a real AWS SDK client. Calls get a patient deadline on this loaded
/// machine; the 250 ms default has its own tests.
/// </summary>
public abstract class ExternalKeyStoreTest(HyokProxy proxy) : IClassFixture<HyokProxy>, IAsyncLifetime
{
    private RunningEmulator? _running;

    protected HyokProxy Proxy => proxy;

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "hyok-kms-xks-tests", Guid.NewGuid().ToString("N"));

    protected AmazonKeyManagementServiceClient Kms { get; private set; } = null!;

    internal RunningEmulator Running => _running ?? throw new InvalidOperationException("not started");

    /// <summary>The emulator's per-call deadline toward the proxy.</summary>
    protected virtual int TimeoutMilliseconds => (int)HyokProxy.Patient.TotalMilliseconds;

    public async Task InitializeAsync()
    {
        _running = await RunningEmulator.StartAsync(Folder, configure: options =>
        {
            options.XksCaBundleFile = proxy.CertificateFile;
            options.XksTrustSystemRoots = false;
            options.XksTimeoutMilliseconds = TimeoutMilliseconds;
            options.XksHealthCheckSeconds = 0;
        });
        Kms = _running.Client();
    }

    public async Task DisposeAsync()
    {
        Kms.Dispose();
        if (_running is not null)
        {
            await _running.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>CreateCustomKeyStore for one of the proxy's key stores.</summary>
    protected async Task<string> CreateStoreAsync(string name = "hyok-alpha", string keyStore = HyokProxy.Alpha, string? secret = null)
    {
        var settings = proxy.Settings(keyStore, secret);
        var response = await Kms.CreateCustomKeyStoreAsync(new CreateCustomKeyStoreRequest
        {
            CustomKeyStoreName = name,
            CustomKeyStoreType = CustomKeyStoreType.EXTERNAL_KEY_STORE,
            XksProxyConnectivity = XksProxyConnectivityType.PUBLIC_ENDPOINT,
            XksProxyUriEndpoint = settings.UriEndpoint,
            XksProxyUriPath = settings.UriPath,
            XksProxyAuthenticationCredential = new XksProxyAuthenticationCredentialType
            {
                AccessKeyId = settings.AccessKeyId,
                RawSecretAccessKey = settings.Secret,
            },
        });
        return response.CustomKeyStoreId;
    }

    protected async Task<CustomKeyStoresListEntry> DescribeStoreAsync(string id) =>
        (await Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest { CustomKeyStoreId = id })).CustomKeyStores.Single();

    /// <summary>ConnectCustomKeyStore, then waits until the store leaves CONNECTING and returns its description.</summary>
    protected async Task<CustomKeyStoresListEntry> ConnectAsync(string id)
    {
        await Kms.ConnectCustomKeyStoreAsync(new ConnectCustomKeyStoreRequest { CustomKeyStoreId = id });
        CustomKeyStoresListEntry? entry = null;
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(15), async () =>
        {
            entry = await DescribeStoreAsync(id);
            return entry.ConnectionState != ConnectionStateType.CONNECTING;
        }), "the key store stayed CONNECTING");
        return entry!;
    }

    /// <summary>A key store of the proxy's <c>alpha</c>, created and CONNECTED.</summary>
    protected async Task<string> CreateConnectedStoreAsync(string name = "hyok-alpha")
    {
        string id = await CreateStoreAsync(name);
        Assert.Equal(ConnectionStateType.CONNECTED, (await ConnectAsync(id)).ConnectionState);
        return id;
    }
}
