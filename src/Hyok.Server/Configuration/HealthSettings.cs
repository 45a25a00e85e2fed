namespace Hyok.Server.Configuration;

/// <summary>GetHealthStatus settings (<c>Hyok:Health</c>, xks-spec.md §4.4).</summary>
public sealed class HealthSettings
{
    /// <summary>The <c>xksProxyFleetSize</c> reported to KMS: how many Hyok instances serve this endpoint.</summary>
    public int FleetSize { get; set; } = 1;

    /// <summary>How long a deep health check result is reused, in seconds (1 to 60).</summary>
    public int CacheSeconds { get; set; } = 10;
}
