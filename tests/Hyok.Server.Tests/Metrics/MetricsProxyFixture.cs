using Hyok.Keys;
using Hyok.Server.Configuration;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Metrics;

/// <summary>
/// The software-store proxy with its metrics listener on a free port, and a third key store whose name is unique to
/// this fixture. Meters are process-wide and OpenTelemetry listens to every meter named <c>Hyok</c>, so servers of
/// other test classes running at the same time also feed this scrape: request series are therefore read under this
/// fixture's key store label, and process-wide series (audit batches, backend calls) are asserted to grow by at least
/// what was sent.
/// </summary>
public sealed class MetricsProxyFixture : ProxyFixture
{
    private readonly Lock _lock = new();
    private TestCredential? _credential;

    public MetricsProxyFixture()
    {
        Configure = options =>
        {
            options.Metrics.Listen = "127.0.0.1:0";
            options.KeyStores.Add(new KeyStoreOptions { Name = KeyStore, PathPrefix = "/" + KeyStore, Region = "us-east-1" });
        };
    }

    public string KeyStore { get; } = "metrics-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The fixture's own key store's credential; its key <c>m-key</c> is created with it.</summary>
    public TestCredential Credential
    {
        get
        {
            lock (_lock)
            {
                if (_credential is null)
                {
                    _credential = AddCredential(KeyStore);
                    CreateKey("m-key", KeyStore, KeyUsage.EncryptDecrypt);
                    Runtime.Watcher.Refresh();
                }

                return _credential;
            }
        }
    }

    public Uri MetricsUri => new(Services.MetricsAddress(), "/metrics");

    public override void CreateKey(string id, string keyStore, KeyUsage usage) => Admin.CreateKey(id, keyStore, usage);

    public override void SetKeyState(string id, KeyState state)
    {
        using var admin = new SeparateAdmin(Options);
        admin.Store.SetState(id, state);
    }

    protected override void ConfigureBackend(HyokOptions options) => options.Backend.Type = "Software";
}
