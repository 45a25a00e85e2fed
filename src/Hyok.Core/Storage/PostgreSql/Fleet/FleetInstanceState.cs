namespace Hyok.Storage.PostgreSql;

/// <summary>What an instance's row says about it, by the database clock.</summary>
public enum FleetInstanceState
{
    /// <summary>Its last heartbeat is within the live window: it counts in <c>xksProxyFleetSize</c>.</summary>
    Live,

    /// <summary>Not stopped, but no heartbeat within the live window: died, hung, or cut off from the database.</summary>
    Stale,

    /// <summary>Stopped cleanly.</summary>
    Stopped,
}
