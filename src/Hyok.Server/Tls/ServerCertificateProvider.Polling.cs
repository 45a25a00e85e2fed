using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tls;

/// <summary>One poll: reload when the files changed, and the daily expiry check.</summary>
internal sealed partial class ServerCertificateProvider
{
    private byte[]? _rejected;
    private DateTimeOffset _retryRejectedAfter;
    private DateTimeOffset _nextExpiryCheck;

    /// <summary>Checks the files now, as the timer does.</summary>
    public void Poll()
    {
        if (!_pollLock.TryEnter())
        {
            return;
        }

        try
        {
            var now = _time.GetUtcNow();
            ReloadIfChanged(now);
            if (now >= _nextExpiryCheck)
            {
                WarnIfExpiring(now);
            }
        }
        catch (Exception e)
        {
            // A timer callback must not throw; the next poll tries again.
            TlsLog.PollFailed(_logger, e.GetType().Name, e);
        }
        finally
        {
            _pollLock.Exit();
        }
    }

    private void ReloadIfChanged(DateTimeOffset now)
    {
        string certificatePem, keyPem;
        try
        {
            certificatePem = ServerCertificate.ReadFile(_certificateFile);
            keyPem = ServerCertificate.ReadFile(_keyFile);
        }
        catch (ServerCertificateException e)
        {
            Reject(ServedCertificate.FingerprintOf(e.Message, ""), e.Message, DateTimeOffset.MaxValue);
            return;
        }

        var fingerprint = ServedCertificate.FingerprintOf(certificatePem, keyPem);
        if (fingerprint.AsSpan().SequenceEqual(_current.Fingerprint))
        {
            _rejected = null;
            return;
        }

        if (IsRejected(fingerprint) && now < _retryRejectedAfter)
        {
            return;
        }

        ServerCertificate certificate;
        try
        {
            certificate = ServerCertificate.Parse(_certificateFile, certificatePem, _keyFile, keyPem);
        }
        catch (ServerCertificateException e)
        {
            // Also a half-written file: the completed write changes the fingerprint and is tried again.
            Reject(fingerprint, e.Message, DateTimeOffset.MaxValue);
            return;
        }

        if (certificate.ValidityProblem(_certificateFile, now) is { } problem)
        {
            // A certificate that is not valid yet is tried again once it is.
            Reject(fingerprint, problem, now < certificate.NotBefore ? certificate.NotBefore : DateTimeOffset.MaxValue);
            certificate.Dispose();
            return;
        }

        _current = new ServedCertificate(certificate, fingerprint);
        _rejected = null;
        Interlocked.Increment(ref _generation);
        TlsLog.CertificateReloaded(_logger, _certificateFile, certificate.Leaf.Subject, certificate.Leaf.Thumbprint, certificate.NotAfter);
        WarnIfExpiring(now);
    }

    private bool IsRejected(byte[] fingerprint) => _rejected is not null && fingerprint.AsSpan().SequenceEqual(_rejected);

    /// <summary>Logs the reason once per distinct content, not on every poll.</summary>
    private void Reject(byte[] fingerprint, string reason, DateTimeOffset retryAfter)
    {
        if (!IsRejected(fingerprint))
        {
            TlsLog.ReloadRejected(_logger, reason);
        }

        (_rejected, _retryRejectedAfter) = (fingerprint, retryAfter);
    }

    private void WarnIfExpiring(DateTimeOffset now)
    {
        _nextExpiryCheck = now + ExpiryCheckInterval;
        var current = _current;
        var days = (current.NotAfter - now).TotalDays;
        if (_warningDays > 0 && days <= _warningDays)
        {
            TlsLog.CertificateExpiring(_logger, current.Certificate.Leaf.Subject, current.NotAfter, days);
        }
    }
}
