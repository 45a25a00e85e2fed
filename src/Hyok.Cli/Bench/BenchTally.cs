using System.Collections.Concurrent;

namespace Hyok.Cli.Bench;

/// <summary>What the workers measured, shared by all of them: latencies, request count and errors by name.</summary>
internal sealed class BenchTally(long maxRequests)
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _claimed;
    private long _requests;

    public LatencyHistogram Latencies { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>Reserves one measured request; false once <c>--requests</c> were sent.</summary>
    public bool TryClaim() => maxRequests == 0 || Interlocked.Increment(ref _claimed) <= maxRequests;

    /// <summary>A request answered by the server (any status): its latency counts.</summary>
    public void Answered(long micros, string? error)
    {
        Latencies.Record(micros);
        Completed(error);
    }

    /// <summary>A request that ended, with <paramref name="error"/> unless it succeeded; one without an answer (connection failure, timeout) has no latency.</summary>
    public void Completed(string? error)
    {
        Interlocked.Increment(ref _requests);
        if (error is not null)
        {
            _errors.AddOrUpdate(error, 1, static (_, count) => count + 1);
        }
    }
}
