using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>One <c>hyok serve</c> process of a <see cref="HyokFleet"/>: its port on 127.0.0.1 and its own chain in the fleet's database.</summary>
internal sealed class FleetInstance(ChildProcess process, int port, string instanceId, FleetDatabase database)
{
    public ChildProcess Process => process;

    public int Port => port;

    /// <summary>Its <c>Hyok:Storage:InstanceId</c>.</summary>
    public string InstanceId => instanceId;

    /// <summary>The <c>kmsRequestId</c> of every record committed to this instance's chain in <c>audit_records</c>.</summary>
    public Task<HashSet<string>> AuditedRequestIdsAsync() => database.AuditedRequestIdsAsync(instanceId);
}
