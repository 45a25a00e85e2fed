using Hyok.Protocol;

namespace Hyok.Server.Limits;

/// <summary>
/// Whether a key operation may go on to the key backend: first its logical key store's rate quota (token bucket,
/// <c>Hyok:KeyStores:N:RateLimitPerSecond</c>), then the shared admission limit (<see cref="AdmissionLimiter"/>).
/// Either refusal is ThrottlingException (429, xks-spec.md §6.2). GetHealthStatus never comes here (docs/operations.md).
/// </summary>
internal sealed class RequestAdmission(AdmissionLimiter limiter, IReadOnlyDictionary<string, TokenBucket> quotas)
{
    private static readonly XksError OverQuota = new(XksErrorCode.ThrottlingException, "The request rate of this key store is over its quota.");
    private static readonly XksError Overloaded = new(XksErrorCode.ThrottlingException, "The proxy is overloaded; retry later.");

    public AdmissionLimiter Limiter => limiter;

    /// <summary>The rate quotas by key store name (only the key stores that have one).</summary>
    public IReadOnlyDictionary<string, TokenBucket> Quotas => quotas;

    /// <summary>Admits a request of <paramref name="keyStore"/>, waiting for a slot at most <paramref name="maxWait"/>.</summary>
    public async ValueTask<Admission> EnterAsync(string keyStore, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (quotas.TryGetValue(keyStore, out var bucket) && !bucket.TryTake())
        {
            return new Admission(null, OverQuota);
        }

        var lease = await limiter.EnterAsync(maxWait, cancellationToken).ConfigureAwait(false);
        return new Admission(lease, lease is null ? Overloaded : null);
    }
}
