using Hyok.Protocol;

namespace Hyok.Server.Limits;

/// <summary>
/// Whether a key operation may go on to the key backend: not when its deadline is already spent; then its logical key
/// store's rate quota (token bucket, <c>Hyok:KeyStores:N:RateLimitPerSecond</c>), the process's CPU (the thread pool's
/// <see cref="DispatchDelay"/> at most <c>Hyok:Limits:MaxDispatchDelayMilliseconds</c>) and the shared admission limit
/// (<see cref="AdmissionLimiter"/>).
/// Every refusal is ThrottlingException (429, xks-spec.md §6.2). GetHealthStatus never comes here (docs/operations.md).
/// </summary>
internal sealed class RequestAdmission(AdmissionLimiter limiter, IReadOnlyDictionary<string, TokenBucket> quotas, DispatchDelay? dispatch = null, TimeSpan maxDispatchDelay = default) : IDisposable
{
    private long _dispatchShed;
    private long _late;

    private static readonly XksError OverQuota = new(XksErrorCode.ThrottlingException, "The request rate of this key store is over its quota.");
    private static readonly XksError Overloaded = new(XksErrorCode.ThrottlingException, "The proxy is overloaded; retry later.");

    public AdmissionLimiter Limiter => limiter;

    /// <summary>The rate quotas by key store name (only the key stores that have one).</summary>
    public IReadOnlyDictionary<string, TokenBucket> Quotas => quotas;

    /// <summary>The thread pool's dispatch delay as admission sees it; null when that check is off.</summary>
    public DispatchDelay? Dispatch => dispatch;

    /// <summary>Requests refused because the thread pool's dispatch delay was over its bound.</summary>
    public long DispatchShedCount => Interlocked.Read(ref _dispatchShed);

    /// <summary>Requests whose deadline had passed before they reached admission: refused as overload.</summary>
    public long LateCount => Interlocked.Read(ref _late);

    /// <summary>Stops the dispatch probe (the server owns this object and disposes it when it stops).</summary>
    public void Dispose() => dispatch?.Dispose();

    /// <summary>
    /// ThrottlingException while the thread pool's dispatch delay is over its bound (the process is short of CPU), else
    /// null. Asked as soon as a key operation arrives, before its body is read (every step of a request would wait that
    /// long again), and once more at admission.
    /// </summary>
    public XksError? ShedForDispatchDelay()
    {
        if (dispatch is null || dispatch.Current <= maxDispatchDelay)
        {
            return null;
        }

        Interlocked.Increment(ref _dispatchShed);
        return Overloaded;
    }

    /// <summary>
    /// Admits a request of <paramref name="keyStore"/>, waiting for a slot at most <paramref name="maxWait"/> (the time
    /// left until its deadline). With no time left, the request spent its whole deadline before its work could start
    /// (waiting for the CPU in the proxy's queues, or for its own body): it is refused as overload, ThrottlingException,
    /// rather than started only to answer DependencyTimeoutException.
    /// </summary>
    public async ValueTask<Admission> EnterAsync(string keyStore, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (maxWait <= TimeSpan.Zero)
        {
            Interlocked.Increment(ref _late);
            return new Admission(null, Overloaded);
        }

        if (quotas.TryGetValue(keyStore, out var bucket) && !bucket.TryTake())
        {
            return new Admission(null, OverQuota);
        }

        if (ShedForDispatchDelay() is { } shortOfCpu)
        {
            return new Admission(null, shortOfCpu);
        }

        var lease = await limiter.EnterAsync(maxWait, cancellationToken).ConfigureAwait(false);
        return new Admission(lease, lease is null ? Overloaded : null);
    }
}
