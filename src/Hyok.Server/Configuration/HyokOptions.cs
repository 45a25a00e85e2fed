namespace Hyok.Server.Configuration;

/// <summary>The <c>Hyok</c> configuration section; every option is documented in docs/configuration.md.</summary>
public sealed class HyokOptions
{
    public const string SectionName = "Hyok";

    public ServerOptions Server { get; set; } = new();

    public LimitsOptions Limits { get; set; } = new();

    public HealthSettings Health { get; set; } = new();

    public BackendOptions Backend { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    public AuditOptions Audit { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public LoggingOptions Logging { get; set; } = new();

    public IList<KeyStoreOptions> KeyStores { get; } = [];
}
