namespace Hyok.Server.Limits;

/// <summary>One admitted request's slot; disposing it (once the work has really finished) frees the slot and reports the service time.</summary>
internal sealed class AdmissionLease(AdmissionLimiter limiter, long admittedAt) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            limiter.Release(admittedAt);
        }
    }
}
