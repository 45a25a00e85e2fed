namespace Hyok.Storage.PostgreSql;

/// <summary>One row of <c>instances</c> as <c>hyok fleet status</c> shows it.</summary>
/// <param name="HeartbeatAge">How long ago the last heartbeat was, by the database clock.</param>
/// <param name="Load">The number the instance last reported (e.g. requests per second).</param>
public sealed record FleetInstance(
    string Id,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    TimeSpan HeartbeatAge,
    double Load,
    DateTimeOffset? StoppedAt,
    FleetInstanceState State);
