using Microsoft.Extensions.Logging;

namespace Hyok.Server.Logging;

/// <summary>
/// Request logging (EventIds 1000-1099). Logs identifiers and outcomes only, never plaintext, ciphertext,
/// AAD, keys, secrets, Authorization headers or signatures (ARCHITECTURE.md §3.10, xks-spec.md §9).
/// </summary>
internal static partial class XksLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "XKS {Operation} store={KeyStore} key={KeyId} kmsRequestId={KmsRequestId} kmsOperation={KmsOperation} principal={Principal} accessKeyId={AccessKeyId} status={Status} outcome={Outcome} decision={Decision} elapsedMs={ElapsedMs:F2}")]
    public static partial void RequestCompleted(
        ILogger logger, string operation, string keyStore, string? keyId, string? kmsRequestId, string? kmsOperation,
        string? principal, string? accessKeyId, int status, string outcome, string? decision, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Rejected {Method} {Status} outcome={Outcome}")]
    public static partial void RequestRejected(ILogger logger, string method, int status, string outcome);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} while serving an XKS request; answered InternalException")]
    public static partial void Unhandled(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "The audit trail could not record an XKS request ({ExceptionType}: {Reason}); answered InternalException")]
    public static partial void AuditUnavailable(ILogger logger, string exceptionType, string reason);
}
