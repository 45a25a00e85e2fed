using Hyok.Auditing;

namespace Hyok.Storage.PostgreSql;

/// <summary>The outcome for one instance's chain in <c>audit_records</c>: <see cref="Result"/> names its first broken record
/// (<see cref="AuditVerification.Seq"/>; its <see cref="AuditVerification.File"/> names the instance).</summary>
public sealed record PostgreSqlAuditVerification(string InstanceId, AuditVerification Result)
{
    public bool IsValid => Result.IsValid;
}
