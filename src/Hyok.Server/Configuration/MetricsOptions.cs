namespace Hyok.Server.Configuration;

/// <summary>The Prometheus scrape endpoint (<c>Hyok:Metrics</c>, docs/operations.md "Metrics").</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// Address of the separate, plain-HTTP metrics listener (<c>GET /metrics</c>), <c>IP:port</c> or <c>localhost:port</c>,
    /// e.g. <c>127.0.0.1:9464</c>. Unset (default): no metrics listener. Never the XKS port.
    /// </summary>
    public string? Listen { get; set; }

    /// <summary>True when <see cref="Listen"/> is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Listen);
}
