using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tls;

/// <summary>
/// TLS logging (EventIds 1100-1199): certificate subjects, thumbprints, dates, file names and reasons; never a private
/// key or the contents of a file.
/// </summary>
internal static partial class TlsLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Reloaded the TLS server certificate from {CertificateFile}: {Subject}, thumbprint {Thumbprint}, valid until {NotAfter:u}")]
    public static partial void CertificateReloaded(ILogger logger, string certificateFile, string subject, string thumbprint, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "The changed TLS certificate files are not usable; the current certificate stays in use: {Reason}")]
    public static partial void ReloadRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "The TLS server certificate {Subject} expires on {NotAfter:u} ({Days:F1} days left): renew it (KMS refuses an expired certificate)")]
    public static partial void CertificateExpiring(ILogger logger, string subject, DateTimeOffset notAfter, double days);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Refused the TLS client certificate of {RemoteAddress}: {Reason} (subject {Subject}, issuer {Issuer}, thumbprint {Thumbprint})")]
    public static partial void ClientRefused(ILogger logger, string? remoteAddress, string reason, string? subject, string? issuer, string? thumbprint);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Checking the TLS certificate files failed unexpectedly ({ExceptionType}); will retry")]
    public static partial void PollFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information,
        Message = "Reloaded the client CA bundle of mutual TLS from {File}: {Roots} root(s), {Intermediates} intermediate(s); new handshakes use it")]
    public static partial void ClientAuthorityReloaded(ILogger logger, string file, int roots, int intermediates);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning,
        Message = "The changed client CA bundle is not usable; the current bundle stays in use: {Reason}")]
    public static partial void ClientAuthorityRejected(ILogger logger, string reason);
}
