using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tls;

/// <summary>
/// The certificate new TLS handshakes get (xks-spec.md §8), re-read from disk without restart when the files change
/// (renewals): every poll interval both PEM files are read and fingerprinted; a changed, usable pair (readable, key
/// matching, valid now) becomes the new immutable <see cref="ServedCertificate"/>; anything else is logged once and
/// the current certificate stays in use. Existing connections keep the certificate they were established with. It
/// also warns of expiry at start, on reload and daily, and feeds the expiry metric through <see cref="NotAfter"/>.
/// </summary>
internal sealed partial class ServerCertificateProvider : IDisposable
{
    private static readonly TimeSpan ExpiryCheckInterval = TimeSpan.FromDays(1);

    private readonly string _certificateFile;
    private readonly string _keyFile;
    private readonly int _warningDays;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FilePoll _poll;
    private readonly ITimer _timer;
    private volatile ServedCertificate _current;
    private long _generation;

    /// <summary>Serves <paramref name="initial"/> (from <see cref="LoadInitial"/>), warns if it expires soon, and starts polling.</summary>
    public ServerCertificateProvider(
        ServedCertificate initial, string certificateFile, string keyFile, TimeSpan pollInterval, int expiryWarningDays, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        (_current, _certificateFile, _keyFile, _warningDays, _time, _logger) = (initial, certificateFile, keyFile, expiryWarningDays, timeProvider, logger);
        _poll = new FilePoll(logger);
        WarnIfExpiring(_time.GetUtcNow());
        _timer = timeProvider.CreateTimer(_ => Poll(), null, pollInterval, pollInterval);
    }

    /// <summary>The certificate for the next handshake.</summary>
    public ServedCertificate Current => _current;

    /// <summary>Expiry of the current certificate (the <c>hyok.tls.certificate.expiry</c> gauge).</summary>
    public DateTimeOffset NotAfter => _current.NotAfter;

    /// <summary>Counts the certificates put in use after the first; tests wait on it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Reads the files for the start: unreadable, mismatched, expired or not-yet-valid is a <see cref="ServerCertificateException"/>.</summary>
    public static ServedCertificate LoadInitial(string certificateFile, string keyFile, TimeProvider timeProvider)
    {
        var certificatePem = ServerCertificate.ReadFile(certificateFile);
        var keyPem = ServerCertificate.ReadFile(keyFile);
        var certificate = ServerCertificate.Parse(certificateFile, certificatePem, keyFile, keyPem);
        if (certificate.ValidityProblem(certificateFile, timeProvider.GetUtcNow()) is { } problem)
        {
            certificate.Dispose();
            throw new ServerCertificateException(problem);
        }

        return new ServedCertificate(certificate, ServedCertificate.FingerprintOf(certificatePem, keyPem));
    }

    /// <summary>Stops polling. Retired certificates are left to the finalizer: a handshake may still be using one.</summary>
    public void Dispose() => _timer.Dispose();
}
