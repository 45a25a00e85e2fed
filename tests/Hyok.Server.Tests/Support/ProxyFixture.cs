using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hyok.Client;
using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Server.Configuration;
using Hyok.Server.Hosting;
using Hyok.Server.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// A real Hyok server over HTTPS on 127.0.0.1 (random port) with its state store in a temp folder and two
/// logical key stores: <c>alpha</c> (us-east-1) and <c>beta</c> (eu-west-1). Subclasses choose the key
/// backend, so one protocol suite runs against every backend.
/// </summary>
public abstract class ProxyFixture : IAsyncLifetime
{
    public const string Alpha = "alpha";
    public const string Beta = "beta";

    private WebApplication? _app;

    public string Folder { get; } = Directory.CreateTempSubdirectory("hyok-server-tests-").FullName;

    public CapturingLoggerProvider Logs { get; } = new();

    public HyokOptions Options { get; private set; } = null!;

    public BackendRuntime Runtime { get; private set; } = null!;

    /// <summary>Credential management (the state store is the same for every backend).</summary>
    public SoftwareKeyStore Admin { get; private set; } = null!;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The running application's services (e.g. its <c>PolicyWatcher</c>).</summary>
    public IServiceProvider Services => _app!.Services;

    public HttpClient Http { get; private set; } = null!;

    public TestCredential AlphaCredential { get; private set; } = null!;

    public TestCredential BetaCredential { get; private set; } = null!;

    /// <summary>Writes the certificate (chain) and key PEM files the server loads; default: a self-signed certificate for localhost.</summary>
    public Action<string, string> WriteCertificateFiles { get; init; } =
        (certificateFile, keyFile) => SelfSignedCertificate.WritePemFiles(certificateFile, keyFile, TimeProvider.System, "localhost");

    /// <summary>Changes to the configuration before the server starts (e.g. a policy file for a key store).</summary>
    public Action<HyokOptions>? Configure { get; init; }

    /// <summary>Wraps the key backend before the server is built (e.g. a deliberately slow backend).</summary>
    public Func<IKeyBackend, IKeyBackend>? DecorateBackend { get; init; }

    /// <summary>The audit trail folder of this server.</summary>
    public string AuditFolder => Options.Audit.Directory;

    public async Task InitializeAsync()
    {
        Options = TestConfiguration.Create(Folder);
        Configure?.Invoke(Options);
        WriteCertificateFiles(Options.Server.CertificateFile!, Options.Server.CertificateKeyFile!);
        ConfigureBackend(Options);
        Runtime = BackendRuntime.Open(Options.Backend, TimeProvider.System, createIfMissing: true, storage: Options.Storage);
        Admin = new SoftwareKeyStore(Runtime.Database);
        AlphaCredential = AddCredential(Alpha);
        BetaCredential = AddCredential(Beta);
        foreach (var (id, usage) in new[] { ("k-both", KeyUsage.EncryptDecrypt), ("k-enc", KeyUsage.Encrypt), ("k-dec", KeyUsage.Decrypt), ("k-none", KeyUsage.None) })
        {
            CreateKey(id, Alpha, usage);
        }

        CreateKey("k-disabled", Alpha, KeyUsage.EncryptDecrypt);
        SetKeyState("k-disabled", KeyState.Disabled);
        CreateKey("b-key", Beta, KeyUsage.EncryptDecrypt);
        Runtime.Watcher.Refresh();
        if (DecorateBackend is not null)
        {
            Runtime.DecorateBackend(DecorateBackend);
        }

        _app = HyokServer.Build(Options, Runtime, TimeProvider.System, logging => logging.AddProvider(Logs));
        await _app.StartAsync();
        BaseUri = new Uri($"https://127.0.0.1:{HyokServer.BoundAddresses(_app)[0].Port}");
        Http = NewHttpClient(HttpVersion.Version11);
    }

    /// <summary>Creates a key in this fixture's backend, as <c>hyok keys create</c> would.</summary>
    public abstract void CreateKey(string id, string keyStore, KeyUsage usage);

    /// <summary>Enables or disables a key over a separate database connection, as <c>hyok keys disable</c> would.</summary>
    public abstract void SetKeyState(string id, KeyState state);

    /// <summary>Sets <c>Hyok:Backend</c> for this fixture's backend.</summary>
    protected abstract void ConfigureBackend(HyokOptions options);

    public TestCredential AddCredential(string keyStore)
    {
        var issued = Admin.AddCredential(keyStore);
        return new TestCredential(keyStore, issued.AccessKeyId, issued.Secret);
    }

    /// <summary>An HttpClient that trusts exactly this server's self-signed certificate (and presents <paramref name="clientCertificate"/>, if any).</summary>
    public HttpClient NewHttpClient(Version version, X509Certificate2? clientCertificate = null)
    {
        var expected = File.ReadAllText(Options.Server.CertificateFile!);
        var handler = new SocketsHttpHandler();
        if (clientCertificate is not null)
        {
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && expected.Contains(Convert.ToBase64String(certificate.GetRawCertData())[..64], StringComparison.Ordinal);
        return new HttpClient(handler) { DefaultRequestVersion = version, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
    }

    public XksClient Client(TestCredential credential, TimeProvider? time = null, string? region = null, HttpClient? http = null)
    {
        var store = Options.KeyStores.Single(s => s.Name == credential.KeyStore);
        return new XksClient(http ?? Http, BaseUri, store.PathPrefix + "/kms/xks/v1", region ?? store.Region, credential.AccessKeyId, credential.Secret, time ?? TimeProvider.System);
    }

    public XksClient AlphaClient => Client(AlphaCredential);

    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Runtime?.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
