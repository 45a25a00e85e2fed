using Hyok.Auditing;

namespace Hyok.Server.Configuration;

/// <summary>The audit trail (<c>Hyok:Audit</c>, docs/audit.md): one hash-chained, fsynced record per XKS request.</summary>
public sealed class AuditOptions
{
    /// <summary>Record every XKS request (default). Off only for throwaway test setups: requests are then unaudited.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The audit folder; relative to the configuration file's folder (the data folder of the embedded default).</summary>
    public string Directory { get; set; } = "audit";

    /// <summary>Start a new file before the current one grows past this many bytes.</summary>
    public long MaxFileBytes { get; set; } = AuditTrailOptions.DefaultMaxFileBytes;

    /// <summary>Start a new file when the current one is older than this (e.g. <c>"1.00:00:00"</c> for a day).</summary>
    public TimeSpan MaxFileAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>fsync each batch before answering (default). Off: a machine crash may lose the last records.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>The writer options for this configuration.</summary>
    public AuditTrailOptions ToTrailOptions() => new()
    {
        Directory = Directory,
        MaxFileBytes = MaxFileBytes,
        MaxFileAge = MaxFileAge,
        Durable = Durable,
    };
}
