using Hyok.Server.Configuration;
using Hyok.Server.Limits;

namespace Hyok.Server.Hosting;

public static partial class HyokServer
{
    /// <summary>The admission limit and the per-key-store quotas of <c>Hyok:Limits</c> and <c>Hyok:KeyStores:N:RateLimit*</c>.</summary>
    private static RequestAdmission CreateAdmission(HyokOptions options, TimeProvider timeProvider)
    {
        var limits = options.Limits;
        var settings = new AdmissionSettings(
            limits.MaxConcurrentRequests,
            limits.MinConcurrentRequests,
            limits.AdaptiveConcurrency,
            TimeSpan.FromMilliseconds(limits.TargetLatencyMilliseconds),
            TimeSpan.FromMilliseconds(limits.MaxQueueMilliseconds),
            limits.MaxQueueLength);
        var quotas = options.KeyStores
            .Where(s => s.RateLimitPerSecond is not null)
            .ToDictionary(s => s.Name, s => new TokenBucket(s.RateLimitPerSecond!.Value, s.EffectiveBurst, timeProvider), StringComparer.Ordinal);
        DispatchDelay? dispatch = null;
        if (limits.MaxDispatchDelayMilliseconds > 0)
        {
            // Probes on the real clock: a thread-pool queue is measured in real time, whatever clock the rest uses.
            dispatch = new DispatchDelay(TimeSpan.FromMilliseconds(limits.DispatchProbeIntervalMilliseconds), TimeProvider.System);
            dispatch.Start();
        }

        return new RequestAdmission(new AdmissionLimiter(settings, timeProvider), quotas, dispatch, TimeSpan.FromMilliseconds(limits.MaxDispatchDelayMilliseconds));
    }
}
