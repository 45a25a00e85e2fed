using System.Collections.Concurrent;

namespace Hyok.Cli.Bench;

/// <summary>
/// What the measured requests did, shared by all senders: latencies, counts and errors by name, in total, per
/// operation and for the current second (which <see cref="BenchTimeline"/> takes once a second); open-loop requests
/// that were dropped or started late.
/// </summary>
internal sealed class BenchTally(long maxRequests)
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<BenchOperation, RequestStats> _operations = Enum.GetValues<BenchOperation>().ToDictionary(o => o, _ => new RequestStats());
    private RequestStats _second = new();
    private long _claimed;
    private long _dropped;
    private long _late;

    public RequestStats Total { get; } = new();

    public LatencyHistogram Latencies => Total.Latencies;

    /// <summary>Open loop: how long after its intended start each request began to be sent (the generator's own lag).</summary>
    public LatencyHistogram SendDelays { get; } = new();

    public long Requests => Total.Requests;

    public long Succeeded => Total.Requests - Total.Errors;

    public IReadOnlyDictionary<string, long> Errors => _errors;

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Late => Interlocked.Read(ref _late);

    public RequestStats Operation(BenchOperation operation) => _operations[operation];

    /// <summary>Reserves one measured request (closed loop); false once <c>--requests</c> were sent.</summary>
    public bool TryClaim() => maxRequests == 0 || Interlocked.Increment(ref _claimed) <= maxRequests;

    /// <summary>The requests that ended since the last call; the next ones go into a fresh group.</summary>
    public RequestStats TakeSecond() => Interlocked.Exchange(ref _second, new RequestStats());

    public void AddDropped() => Interlocked.Increment(ref _dropped);

    public void AddLate() => Interlocked.Increment(ref _late);

    /// <summary>A request that ended: with its latency if answered (any status), with <paramref name="error"/> unless it succeeded.</summary>
    public void Ended(BenchOperation operation, long? micros, string? error)
    {
        var failed = error is not null;
        Total.Add(micros, failed);
        _operations[operation].Add(micros, failed);
        Volatile.Read(ref _second).Add(micros, failed);
        if (error is not null)
        {
            _errors.AddOrUpdate(error, 1, static (_, count) => count + 1);
        }
    }
}
