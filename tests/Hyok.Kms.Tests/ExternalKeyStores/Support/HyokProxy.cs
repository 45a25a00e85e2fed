using Hyok.Authorization;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Server.Tls;
using Hyok.Storage;
using Microsoft.AspNetCore.Builder;

namespace Hyok.Kms.Tests.ExternalKeyStores.Support;

/// <summary>
/// A real Hyok proxy over HTTPS on 127.0.0.1 (random port) on the embedded software backend, with a self-signed
/// certificate for localhost whose PEM file serves as the emulator's CA bundle. Key store <c>alpha</c> holds the keys
/// <c>k-both</c>, <c>k-enc</c> (encrypt only) and <c>k-disabled</c>; key store <c>walled</c> is blocked by a kill switch
/// (<c>hyok block key-store walled</c>) and holds <c>w-key</c>.
/// </summary>
public partial class HyokProxy : IAsyncLifetime
{
    public const string Alpha = "alpha";
    public const string Walled = "walled";

    /// <summary>A generous deadline for calls that must succeed on a loaded machine; the 250 ms default is tested on its own.</summary>
    public static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);

    private WebApplication? _app;
    private BackendRuntime? _runtime;
    private SoftwareKeyStore? _admin;

    public string Folder { get; } = Directory.CreateTempSubdirectory("hyok-kms-xks-tests-").FullName;

    public string CertificateFile => Path.Combine(Folder, "server.crt");

    public int Port { get; private set; }

    public string Endpoint => $"https://localhost:{Port}";

    public IssuedCredential AlphaCredential { get; private set; } = null!;

    public IssuedCredential WalledCredential { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new HyokOptions();
        options.Server.Listen.Add("127.0.0.1:0");
        options.Server.CertificateFile = CertificateFile;
        options.Server.CertificateKeyFile = Path.Combine(Folder, "server.key");
        options.Backend.Type = "Software";
        options.Backend.DatabaseFile = Path.Combine(Folder, "hyok.db");
        options.Backend.MasterKeyFile = Path.Combine(Folder, "master.key");
        options.Backend.MasterKeyEnvironmentVariable = "HYOK_TEST_MASTER_KEY_UNSET";
        options.Audit.Directory = Path.Combine(Folder, "audit");

        // The emulator's side is under test: the proxy's own deadlines must not turn a cold request on a loaded machine
        // into DependencyTimeoutException. The 250 ms of KMS is tested through a relay (SlowProxyTests).
        options.Limits.RequestDeadlineMilliseconds = 10000;
        options.Limits.MaxDispatchDelayMilliseconds = 0; // nor its shedding on a busy test process's thread pool
        options.Server.BackendTimeoutMilliseconds = 10000;
        options.KeyStores.Add(new KeyStoreOptions { Name = Alpha, PathPrefix = "/alpha", Region = "us-east-1" });
        options.KeyStores.Add(new KeyStoreOptions { Name = Walled, PathPrefix = "/walled", Region = "us-east-1" });
        SelfSignedCertificate.WritePemFiles(CertificateFile, options.Server.CertificateKeyFile, TimeProvider.System, "localhost");
        Configure(options);

        _runtime = BackendRuntime.Open(options.Backend, TimeProvider.System, createIfMissing: true);
        var admin = _admin = new SoftwareKeyStore(_runtime.Database);
        AlphaCredential = admin.AddCredential(Alpha);
        WalledCredential = admin.AddCredential(Walled);
        admin.CreateKey("k-both", Alpha, KeyUsage.EncryptDecrypt);
        admin.CreateKey("k-enc", Alpha, KeyUsage.Encrypt);
        admin.CreateKey("k-disabled", Alpha, KeyUsage.EncryptDecrypt);
        admin.SetState("k-disabled", KeyState.Disabled);
        admin.CreateKey("w-key", Walled, KeyUsage.EncryptDecrypt);
        new BlockRecords(_runtime.Database).Set(BlockKind.KeyStore, Walled, reason: "tests: the key owner pulled the plug");
        _runtime.Watcher.Refresh();

        _app = HyokServer.Build(options, _runtime, TimeProvider.System);
        await _app.StartAsync();
        Port = HyokServer.BoundAddresses(_app)[0].Port;
    }

    /// <summary>Changes to the proxy's options before it starts (variants of this fixture, e.g. <see cref="MutualTlsHyokProxy"/>).</summary>
    protected virtual void Configure(HyokOptions options)
    {
    }

    /// <summary>Settings for a key store of this proxy, trusting its certificate through the CA bundle.</summary>
    public XksProxySettings Settings(string keyStore = Alpha, string? secret = null, string? endpoint = null, string? caBundle = "", bool trustSystemRoots = true)
    {
        var credential = keyStore == Walled ? WalledCredential : AlphaCredential;
        return new XksProxySettings(endpoint ?? Endpoint, $"/{keyStore}/kms/xks/v1", credential.AccessKeyId, secret ?? credential.Secret,
            "us-east-1", caBundle == "" ? CertificateFile : caBundle, trustSystemRoots);
    }

    /// <summary>A new credential for <paramref name="keyStore"/>, accepted by the running proxy (as <c>hyok credentials add</c>).</summary>
    public IssuedCredential AddCredential(string keyStore = Alpha)
    {
        var credential = _admin!.AddCredential(keyStore);
        _runtime!.Watcher.Refresh();
        return credential;
    }

    /// <summary>Revokes a credential on the running proxy (as <c>hyok credentials remove</c>).</summary>
    public void RemoveCredential(string keyStore, string accessKeyId)
    {
        _admin!.RemoveCredential(keyStore, accessKeyId);
        _runtime!.Watcher.Refresh();
    }

    /// <summary>Blocks (or, with <paramref name="blocked"/> false, unblocks) a key store with a kill switch, as <c>hyok block key-store</c>.</summary>
    public void SetBlocked(string keyStore, bool blocked)
    {
        var blocks = new BlockRecords(_runtime!.Database);
        if (blocked)
        {
            blocks.Set(BlockKind.KeyStore, keyStore, reason: "tests");
        }
        else
        {
            blocks.Remove(BlockKind.KeyStore, keyStore);
        }

        _runtime.Watcher.Refresh();
    }

    /// <summary>The <c>kmsOperation</c> of every request in the proxy's audit trail so far (with the key store it was for).</summary>
    public IReadOnlyList<(string? KeyStore, string? KmsOperation, string? KmsRequestId)> AuditedRequests() =>
        [.. new Hyok.Auditing.AuditTrailReader(Path.Combine(Folder, "audit")).ReadAll().Select(r => (r.Event.KeyStore, r.Event.KmsOperation, r.Event.KmsRequestId))];

    public XksProxyCaller Caller(XksProxySettings? settings = null, TimeSpan? timeout = null) =>
        new(settings ?? Settings(), TimeProvider.System, timeout ?? Patient);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _runtime?.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
