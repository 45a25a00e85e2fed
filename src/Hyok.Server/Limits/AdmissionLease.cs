namespace Hyok.Server.Limits;

/// <summary>
/// One admitted request's slot. The request holds it until it is disposed, and every backend call the request started
/// holds it too (<see cref="AdmissionTrackingKeyBackend"/>) until that call has really finished, even when the request
/// stopped waiting for it at the deadline. The slot is freed (and the service time reported) when the last holder lets go.
/// </summary>
internal sealed class AdmissionLease(AdmissionLimiter limiter, long admittedAt) : IDisposable
{
    private int _holders = 1;
    private int _disposed;

    /// <summary>A backend call starts under this slot.</summary>
    public void Hold() => Interlocked.Increment(ref _holders);

    /// <summary>A backend call under this slot has finished.</summary>
    public void Unhold()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            limiter.Release(admittedAt);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Unhold();
        }
    }
}
