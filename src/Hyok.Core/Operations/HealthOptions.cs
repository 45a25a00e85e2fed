using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>What GetHealthStatus reports and how long a deep check result is reused (xks-spec.md §4.4).</summary>
/// <param name="FleetSize">The <c>xksProxyFleetSize</c>: how many Hyok instances serve this endpoint (> 0).</param>
/// <param name="CacheDuration">How long a deep check result is reused; at most 60 seconds.</param>
/// <param name="LiveFleetSize">
/// When set (a fleet on PostgreSQL), the live instance count from the heartbeats, reported instead of <paramref name="FleetSize"/>
/// whenever it is known (> 0).
/// </param>
/// <param name="FleetKeyManagers">
/// When set (a fleet on PostgreSQL), the key managers the other live instances reported with their heartbeats, listed in
/// <c>ekmFleetDetails</c> after this instance's own (whose status is always this instance's fresh probe).
/// </param>
public sealed record HealthOptions(
    int FleetSize, TimeSpan CacheDuration, Func<int>? LiveFleetSize = null, Func<IReadOnlyList<EkmFleetDetail>>? FleetKeyManagers = null);
