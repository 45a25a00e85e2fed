using Microsoft.Extensions.Logging;

namespace Hyok.Storage.PostgreSql;

/// <summary>PostgreSQL audit trail logging (EventIds 5010-5019): instance ids, seqs, counts and error types, never record contents.</summary>
internal static partial class PostgreSqlAuditLog
{
    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Audit trail of instance {InstanceId} in PostgreSQL: resuming after record {Seq}")]
    public static partial void Resumed(ILogger logger, string instanceId, long seq);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error,
        Message = "Audit trail of instance {InstanceId} in PostgreSQL: write failed ({ErrorType}: {Reason}); {Count} requests fail closed until a later batch is committed")]
    public static partial void WriteFailed(ILogger logger, string instanceId, string errorType, string reason, int count);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Critical,
        Message = "Audit trail of instance {InstanceId} in PostgreSQL: record {Seq} already exists, so another process writes this instance's chain (two instances with the same id?); {Count} requests fail closed. Give every instance its own id")]
    public static partial void ChainTaken(ILogger logger, string instanceId, long seq, int count);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "Audit trail of instance {InstanceId} in PostgreSQL writable again; continuing after record {Seq}")]
    public static partial void Recovered(ILogger logger, string instanceId, long seq);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning,
        Message = "Audit trail of instance {InstanceId} in PostgreSQL: records {From}..{To}, reported as failed, were committed after all (their requests failed closed); continuing after them")]
    public static partial void CommittedAfterFailure(ILogger logger, string instanceId, long from, long to);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Critical,
        Message = "Audit trail of instance {InstanceId} in PostgreSQL ends at record {DatabaseSeq}, not at record {WriterSeq} this writer last committed: another process writes this instance's chain, or records were removed. Requests fail closed; give every instance its own id, verify the trail and restart")]
    public static partial void ChainMismatch(ILogger logger, string instanceId, long databaseSeq, long writerSeq);
}
