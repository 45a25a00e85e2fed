namespace Hyok.Storage.PostgreSql;

/// <summary>How often an instance says it is alive (<see cref="InstanceHeartbeat"/>), and when it counts as live.</summary>
public sealed partial class PostgreSqlStorageOptions
{
    public const int DefaultHeartbeatIntervalMilliseconds = 1000;

    /// <summary>An instance is live while its last heartbeat is at most this many intervals old (database clock).</summary>
    public const int LiveHeartbeats = 3;

    private const int MinHeartbeatIntervalMilliseconds = 100;
    private const int MaxHeartbeatIntervalMilliseconds = 60_000;

    /// <summary>Milliseconds between an instance's heartbeats in the <c>instances</c> table (100..60000, default 1000).</summary>
    public int HeartbeatIntervalMilliseconds { get; set; } = DefaultHeartbeatIntervalMilliseconds;

    public TimeSpan HeartbeatInterval => TimeSpan.FromMilliseconds(HeartbeatIntervalMilliseconds);

    /// <summary><see cref="LiveHeartbeats"/> intervals: a heartbeat older than this (database clock) makes the instance stale.</summary>
    public TimeSpan LiveWindow => HeartbeatInterval * LiveHeartbeats;

    private void ValidateHeartbeat(List<string> problems)
    {
        if (HeartbeatIntervalMilliseconds is < MinHeartbeatIntervalMilliseconds or > MaxHeartbeatIntervalMilliseconds)
        {
            problems.Add($"HeartbeatIntervalMilliseconds {HeartbeatIntervalMilliseconds} is not within {MinHeartbeatIntervalMilliseconds}..{MaxHeartbeatIntervalMilliseconds}.");
        }
    }
}
