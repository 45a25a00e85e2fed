using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tls;

/// <summary>
/// The client CA bundle of mutual TLS, re-read without restart (a CA rotation, xks-spec.md §7.5): every poll interval
/// (<c>Hyok:Server:Tls:ReloadIntervalSeconds</c>) the file is read and fingerprinted; a changed bundle that loads (PEM,
/// at least one root) is used by the next handshakes; anything else (unreadable, malformed, half-written, no root) is
/// logged once and the current bundle stays in use — a broken file never opens the door, nor closes it. Connections
/// already accepted keep going.
/// </summary>
internal sealed class ClientCertificateAuthorityProvider : IDisposable
{
    private readonly string _file;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FilePoll _poll;
    private readonly ITimer _timer;
    private volatile ClientCertificateAuthority _current;
    private byte[] _fingerprint;
    private long _generation;

    /// <summary>Uses <paramref name="initial"/> (from <see cref="LoadInitial"/>) and starts polling.</summary>
    public ClientCertificateAuthorityProvider(
        (ClientCertificateAuthority Authority, byte[] Fingerprint) initial, string file, TimeSpan pollInterval, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (_current, _fingerprint, _file, _logger, _time) = (initial.Authority, initial.Fingerprint, file, logger, timeProvider);
        _poll = new FilePoll(logger);
        _timer = timeProvider.CreateTimer(_ => Poll(), null, pollInterval, pollInterval);
    }

    /// <summary>Reads the bundle for the start, once.</summary>
    /// <exception cref="ServerCertificateException">The bundle cannot be used.</exception>
    public static (ClientCertificateAuthority Authority, byte[] Fingerprint) LoadInitial(string file)
    {
        var pem = ServerCertificate.ReadFile(file);
        return (ClientCertificateAuthority.Parse(file, pem), Fingerprint(pem));
    }

    /// <summary>The bundle the next handshake is checked against.</summary>
    public ClientCertificateAuthority Current => _current;

    /// <summary>Counts the bundles put in use after the first (tests check it).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Checks the file now, as the timer does.</summary>
    public void Poll() => _poll.Run(ReloadIfChanged);

    public void Dispose() => _timer.Dispose();

    private void ReloadIfChanged()
    {
        string pem;
        try
        {
            pem = ServerCertificate.ReadFile(_file);
        }
        catch (ServerCertificateException e)
        {
            Reject(Fingerprint(e.Message), e.Message);
            return;
        }

        var fingerprint = Fingerprint(pem);
        if (fingerprint.AsSpan().SequenceEqual(_fingerprint))
        {
            _poll.InUse();
            return;
        }

        if (!_poll.IsDue(fingerprint, _time.GetUtcNow()))
        {
            return;
        }

        try
        {
            var next = ClientCertificateAuthority.Parse(_file, pem);
            (_current, _fingerprint) = (next, fingerprint);
            _poll.InUse();
            Interlocked.Increment(ref _generation);
            TlsLog.ClientAuthorityReloaded(_logger, _file, next.Roots.Count, next.Intermediates.Count);
        }
        catch (ServerCertificateException e)
        {
            // Also a half-written file: the completed write changes the fingerprint and is tried again.
            Reject(fingerprint, e.Message);
        }
    }

    /// <summary>Logs the reason once per distinct content, not on every poll; a refused bundle is not tried again until it changes.</summary>
    private void Reject(byte[] fingerprint, string reason) =>
        _poll.Reject(fingerprint, DateTimeOffset.MaxValue, () => TlsLog.ClientAuthorityRejected(_logger, reason));

    private static byte[] Fingerprint(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
