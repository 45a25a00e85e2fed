using Microsoft.Extensions.Logging;

namespace Hyok.Server.Tls;

/// <summary>
/// What the file pollers (<see cref="ServerCertificateProvider"/>, <see cref="ClientCertificateAuthorityProvider"/>) share:
/// one check at a time, nothing ever thrown out of the timer (logged as EventId 1104, the next poll tries again), and the
/// last content refused with when it may be tried again, so an unchanged refused file is neither parsed nor logged twice.
/// </summary>
internal sealed class FilePoll(ILogger logger)
{
    private readonly Lock _lock = new();
    private byte[]? _rejected;
    private DateTimeOffset _retryRejectedAfter;

    /// <summary>Runs <paramref name="check"/> unless one is running already.</summary>
    public void Run(Action check)
    {
        if (!_lock.TryEnter())
        {
            return;
        }

        try
        {
            check();
        }
        catch (Exception e)
        {
            TlsLog.PollFailed(logger, e.GetType().Name, e);
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <summary>False when content <paramref name="fingerprint"/> was refused last time and is not due again yet.</summary>
    public bool IsDue(byte[] fingerprint, DateTimeOffset now) => !IsRejected(fingerprint) || now >= _retryRejectedAfter;

    /// <summary>The content in use was read (again, or anew): a later refusal of the old content is news again.</summary>
    public void InUse() => _rejected = null;

    /// <summary>Remembers a refusal until <paramref name="retryAfter"/>; runs <paramref name="log"/> only for content not refused last time.</summary>
    public void Reject(byte[] fingerprint, DateTimeOffset retryAfter, Action log)
    {
        if (!IsRejected(fingerprint))
        {
            log();
        }

        (_rejected, _retryRejectedAfter) = (fingerprint, retryAfter);
    }

    private bool IsRejected(byte[] fingerprint) => _rejected is not null && fingerprint.AsSpan().SequenceEqual(_rejected);
}
