using Hyok.Auditing;

namespace Hyok.Cli.Commands;

/// <summary>
/// What <c>hyok audit tail|search|export</c> read (<see cref="AuditSources.Open"/>): the audit files, or the fleet's
/// <c>audit_records</c> in PostgreSQL. Filters (<see cref="AuditFilter"/>) and output (<see cref="AuditRecordPrinter"/>)
/// are the same for both.
/// </summary>
internal interface IAuditSource : IAsyncDisposable
{
    /// <summary>True for the fleet's trail: records carry their instance id (<see cref="AuditRecord.File"/>) and tables show it.</summary>
    bool IsFleet { get; }

    /// <summary>The matching records, streamed.</summary>
    IAsyncEnumerable<AuditRecord> SearchAsync(AuditFilter filter, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="count"/> records, oldest first; <see cref="FollowAsync"/> continues after them.</summary>
    Task<IReadOnlyList<AuditRecord>> TailAsync(int count, CancellationToken cancellationToken);

    /// <summary>Records written after the last <see cref="TailAsync"/>, until cancelled.</summary>
    IAsyncEnumerable<AuditRecord> FollowAsync(TimeSpan pollInterval, CancellationToken cancellationToken);
}
