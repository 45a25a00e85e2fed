namespace Hyok.Protocol;

/// <summary>One key manager instance in GetHealthStatus (xks-spec.md §4.4): status ACTIVE, DEGRADED or UNAVAILABLE.</summary>
public sealed record EkmFleetDetail(string Id, string Model, string HealthStatus);
