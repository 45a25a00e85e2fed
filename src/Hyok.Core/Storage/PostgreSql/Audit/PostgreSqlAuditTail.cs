using Hyok.Auditing;

namespace Hyok.Storage.PostgreSql;

/// <summary>The last records (oldest first) and, from the same snapshot, where each instance's chain ended: what
/// <see cref="PostgreSqlAuditReader.FollowAsync"/> continues after, so nothing written in between is missed.</summary>
public sealed record PostgreSqlAuditTail(IReadOnlyList<AuditRecord> Records, IReadOnlyDictionary<string, long> Ends);
