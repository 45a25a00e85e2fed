namespace Hyok.Server.Configuration;

/// <summary>
/// Size limits above the spec minimums (xks-spec.md §5.1), the request deadline and the overload limits
/// (<c>Hyok:Limits</c>, docs/operations.md "Overload and deadlines").
/// </summary>
public sealed class LimitsOptions
{
    /// <summary>Largest plaintext (Encrypt) or ciphertext (Decrypt) in bytes; at least 4300.</summary>
    public int MaxPlaintextBytes { get; set; } = 8192;

    /// <summary>Largest additionalAuthenticatedData in bytes; between 8192 and 65535.</summary>
    public int MaxAadBytes { get; set; } = 16384;

    /// <summary>Time from a request's arrival until it answers DependencyTimeoutException if its work is not done; under KMS's 250 ms (xks-spec.md §9).</summary>
    public int RequestDeadlineMilliseconds { get; set; } = 200;

    /// <summary>The most key operations in flight to the key backend at once (the adaptive limit's upper bound and start value).</summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>The adaptive concurrency limit never falls below this.</summary>
    public int MinConcurrentRequests { get; set; } = 4;

    /// <summary>Adapt the concurrency limit to observed latency (AIMD); false keeps it at <see cref="MaxConcurrentRequests"/>.</summary>
    public bool AdaptiveConcurrency { get; set; } = true;

    /// <summary>Service time of an admitted request above which the adaptive limit is cut.</summary>
    public int TargetLatencyMilliseconds { get; set; } = 50;

    /// <summary>How long a request may wait for a slot before it is shed with ThrottlingException; 0 sheds at once.</summary>
    public int MaxQueueMilliseconds { get; set; } = 50;

    /// <summary>How many requests may wait for a slot; a request beyond it is shed at once.</summary>
    public int MaxQueueLength { get; set; } = 256;

    /// <summary>
    /// Shed key operations (ThrottlingException) while work waits longer than this in the thread pool's queue, i.e. the
    /// process is short of CPU (two probes in a row, <see cref="DispatchProbeIntervalMilliseconds"/> apart); 0 turns it off.
    /// </summary>
    public int MaxDispatchDelayMilliseconds { get; set; } = 100;

    /// <summary>How often the thread pool's dispatch delay is probed (one work item at a time).</summary>
    public int DispatchProbeIntervalMilliseconds { get; set; } = 10;
}
