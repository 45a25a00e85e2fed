using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Configuration;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Kms.Tests.Hosting;
using Hyok.Testing;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>
/// Base of the external key store tests: a real Hyok proxy over HTTPS (shared by the test class) and, per test, a fresh
/// emulator that trusts the proxy's certificate, with a real AWS SDK client and its log lines captured. Calls get a
/// patient deadline on this loaded machine; the 250 ms default has its own tests. <typeparamref name="TProxy"/> is the
/// proxy fixture: <see cref="HyokProxy"/> (see <see cref="ExternalKeyStoreTest"/>) or a variant such as <see cref="MutualTlsHyokProxy"/>.
/// </summary>
public abstract class ExternalKeyStoreTest<TProxy>(TProxy proxy) : IClassFixture<TProxy>, IAsyncLifetime
    where TProxy : HyokProxy
{
    private RunningEmulator? _running;

    protected TProxy Proxy => proxy;

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "hyok-kms-xks-tests", Guid.NewGuid().ToString("N"));

    protected AmazonKeyManagementServiceClient Kms { get; private set; } = null!;

    internal RunningEmulator Running => _running ?? throw new InvalidOperationException("not started");

    /// <summary>Every log line of the emulator and its server, at every level.</summary>
    internal CapturedLogs Logs { get; } = new();

    /// <summary>The emulator's per-call deadline toward the proxy.</summary>
    protected virtual int TimeoutMilliseconds => (int)HyokProxy.Patient.TotalMilliseconds;

    /// <summary>The KmsHealthCheck interval (0: off, the default here).</summary>
    protected virtual int HealthCheckSeconds => 0;

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Stops the emulator (the database stays in <see cref="Folder"/>).</summary>
    protected async Task StopAsync()
    {
        Kms?.Dispose();
        if (_running is not null)
        {
            await _running.DisposeAsync();
            _running = null;
        }
    }

    /// <summary>Starts the emulator over <see cref="Folder"/> (again), with <paramref name="configure"/> applied after the defaults.</summary>
    protected async Task StartAsync(Action<KmsOptions>? configure = null)
    {
        _running = await RunningEmulator.StartAsync(Folder, Logs, options =>
        {
            options.XksCaBundleFile = proxy.CertificateFile;
            options.XksTrustSystemRoots = false;
            options.XksTimeoutMilliseconds = TimeoutMilliseconds;
            options.XksHealthCheckSeconds = HealthCheckSeconds;
            configure?.Invoke(options);
        });
        Kms = _running.Client();
    }

    /// <summary>CreateCustomKeyStore for one of the proxy's key stores.</summary>
    protected async Task<string> CreateStoreAsync(string name = "hyok-alpha", string keyStore = HyokProxy.Alpha, string? secret = null)
    {
        var settings = proxy.Settings(keyStore, secret);
        return (await Kms.CreateCustomKeyStoreAsync(CreateRequest(name, settings.UriEndpoint, settings.UriPath, settings.AccessKeyId, settings.Secret)))
            .CustomKeyStoreId;
    }

    /// <summary>A CreateCustomKeyStore request for a public-endpoint external key store.</summary>
    protected static CreateCustomKeyStoreRequest CreateRequest(string name, string endpoint, string path, string accessKeyId, string secret) => new()
    {
        CustomKeyStoreName = name,
        CustomKeyStoreType = CustomKeyStoreType.EXTERNAL_KEY_STORE,
        XksProxyConnectivity = XksProxyConnectivityType.PUBLIC_ENDPOINT,
        XksProxyUriEndpoint = endpoint,
        XksProxyUriPath = path,
        XksProxyAuthenticationCredential = new XksProxyAuthenticationCredentialType { AccessKeyId = accessKeyId, RawSecretAccessKey = secret },
    };

    /// <summary>A CreateCustomKeyStore request for the proxy's <c>alpha</c> with the given changes.</summary>
    protected CreateCustomKeyStoreRequest AlphaRequest(
        string name = "hyok-alpha", string? endpoint = null, string? path = null, string? accessKeyId = null, string? secret = null) =>
        CreateRequest(name, endpoint ?? proxy.Endpoint, path ?? "/alpha/kms/xks/v1", accessKeyId ?? proxy.AlphaCredential.AccessKeyId,
            secret ?? proxy.AlphaCredential.Secret);

    protected Task DisconnectAsync(string id) => Kms.DisconnectCustomKeyStoreAsync(new DisconnectCustomKeyStoreRequest { CustomKeyStoreId = id });

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
