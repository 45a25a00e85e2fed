namespace Hyok.Server.Configuration;

/// <summary>Checks of the deadline, admission and quota options (docs/operations.md "Overload and deadlines").</summary>
public static partial class HyokOptionsValidator
{
    /// <summary>
    /// KMS gives the proxy 250 ms per call (xks-spec.md §9), so production deadlines stay under 250; longer ones are
    /// allowed for other clients and tests (docs/configuration.md).
    /// </summary>
    public const int MaxRequestDeadlineMilliseconds = 60000;

    private static void ValidateOverload(LimitsOptions limits, List<string> problems)
    {
        Range(limits.RequestDeadlineMilliseconds, 10, MaxRequestDeadlineMilliseconds, "Hyok:Limits:RequestDeadlineMilliseconds", problems);
        Range(limits.MaxConcurrentRequests, 1, 100000, "Hyok:Limits:MaxConcurrentRequests", problems);
        Range(limits.MinConcurrentRequests, 1, Math.Max(1, limits.MaxConcurrentRequests), "Hyok:Limits:MinConcurrentRequests", problems);
        Range(limits.TargetLatencyMilliseconds, 1, Math.Max(1, limits.RequestDeadlineMilliseconds), "Hyok:Limits:TargetLatencyMilliseconds", problems);
        Range(limits.MaxQueueMilliseconds, 0, Math.Max(0, limits.RequestDeadlineMilliseconds - 1), "Hyok:Limits:MaxQueueMilliseconds", problems);
        Range(limits.MaxQueueLength, 0, 1000000, "Hyok:Limits:MaxQueueLength", problems);
        Range(limits.MaxDispatchDelayMilliseconds, 0, MaxRequestDeadlineMilliseconds, "Hyok:Limits:MaxDispatchDelayMilliseconds", problems);
        Range(limits.DispatchProbeIntervalMilliseconds, 1, 1000, "Hyok:Limits:DispatchProbeIntervalMilliseconds", problems);
    }

    private static void ValidateQuota(KeyStoreOptions store, string name, List<string> problems)
    {
        if (store.RateLimitPerSecond is { } rate && (double.IsNaN(rate) || rate < 0.001 || rate > 1000000))
        {
            problems.Add($"{name}:RateLimitPerSecond must be between 0.001 and 1000000 (is {rate}).");
        }

        if (store.RateLimitBurst is { } burst)
        {
            if (store.RateLimitPerSecond is null)
            {
                problems.Add($"{name}:RateLimitBurst is set without {name}:RateLimitPerSecond.");
            }

            Range(burst, 1, 1000000, $"{name}:RateLimitBurst", problems);
        }
    }
}
