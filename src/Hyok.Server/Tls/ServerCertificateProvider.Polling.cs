namespace Hyok.Server.Tls;

/// <summary>One poll: reload when the files changed, and the daily expiry check.</summary>
internal sealed partial class ServerCertificateProvider
{
    private DateTimeOffset _nextExpiryCheck;

    /// <summary>Checks the files now, as the timer does.</summary>
    public void Poll() => _poll.Run(() =>
    {
        var now = _time.GetUtcNow();
        ReloadIfChanged(now);
        if (now >= _nextExpiryCheck)
        {
            WarnIfExpiring(now);
        }
    });

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
            _poll.InUse();
            return;
        }

        if (!_poll.IsDue(fingerprint, now))
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
        _poll.InUse();
        Interlocked.Increment(ref _generation);
        TlsLog.CertificateReloaded(_logger, _certificateFile, certificate.Leaf.Subject, certificate.Leaf.Thumbprint, certificate.NotAfter);
        WarnIfExpiring(now);
    }

    private void Reject(byte[] fingerprint, string reason, DateTimeOffset retryAfter) =>
        _poll.Reject(fingerprint, retryAfter, () => TlsLog.ReloadRejected(_logger, reason));

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
