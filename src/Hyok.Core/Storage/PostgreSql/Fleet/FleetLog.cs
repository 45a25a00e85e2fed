using Microsoft.Extensions.Logging;

namespace Hyok.Storage.PostgreSql;

/// <summary>Instance heartbeat logging (EventIds 5020-5029): instance ids and operator-facing reasons, never secrets.</summary>
internal static partial class FleetLog
{
    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Instance {InstanceId} (Hyok {Version}) registered in PostgreSQL; heartbeat every {IntervalMs} ms")]
    public static partial void Registered(ILogger logger, string instanceId, string version, double intervalMs);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "Heartbeat of instance {InstanceId} failed: {Reason}; retrying every interval (the fleet counts this instance stale meanwhile)")]
    public static partial void HeartbeatFailed(ILogger logger, string instanceId, string reason);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Information, Message = "Heartbeat of instance {InstanceId} in PostgreSQL works again")]
    public static partial void Recovered(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Information, Message = "Instance {InstanceId} marked stopped in PostgreSQL")]
    public static partial void Stopped(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Warning, Message = "Instance {InstanceId} could not be marked stopped: {Reason}; it shows as stale once its heartbeat is old")]
    public static partial void StopFailed(ILogger logger, string instanceId, string reason);
}
