using Microsoft.Extensions.Logging;

namespace Hyok.Auditing;

/// <summary>Audit trail logging (EventIds 5000-5099): file names, counts and error types, never record contents.</summary>
internal static partial class AuditTrailLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Audit trail in {Directory}: resuming after record {Seq} in {File}")]
    public static partial void Resumed(ILogger logger, string directory, long seq, string file);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Audit file {File} ended with an incomplete line of {Bytes} bytes (a write cut short by a crash, never acknowledged); removed it")]
    public static partial void CutPartialLine(ILogger logger, string file, long bytes);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Audit trail rotated to {File} after record {Seq}")]
    public static partial void Rotated(ILogger logger, string file, long seq);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error,
        Message = "Audit trail write failed ({ErrorType}: {Reason}); {Count} requests fail closed until the trail can be written again")]
    public static partial void WriteFailed(ILogger logger, string errorType, string reason, int count);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Audit trail writable again; continuing after record {Seq}")]
    public static partial void Recovered(ILogger logger, long seq);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning,
        Message = "Audit file {File} held {Bytes} bytes written after the last successful fsync (a failed batch, never acknowledged); removed them")]
    public static partial void CutUnacknowledged(ILogger logger, string file, long bytes);
}
