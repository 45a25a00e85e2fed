namespace Hyok.Cli.Bench;

/// <summary>
/// Request latencies in microseconds, HdrHistogram style: exact below 2048 µs, then 1024 log-linear buckets per
/// power of two (at most 0.1 % error) up to 2^26 µs (67 s). Fixed size, no allocation per value, safe for
/// concurrent <see cref="Record"/> calls (one <see cref="Interlocked"/> increment each).
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 10;
    private const int SubBucketCount = 1 << SubBucketBits;
    private const int MaxExponent = 26;
    private const long MaxMicroseconds = (1L << MaxExponent) - 1;

    private readonly long[] _counts = new long[IndexOf(MaxMicroseconds) + 1];
    private long _total;
    private long _max;

    public long Count => Interlocked.Read(ref _total);

    public long MaxMicros => Interlocked.Read(ref _max);

    public void Record(long micros)
    {
        var value = Math.Clamp(micros, 0, MaxMicroseconds);
        Interlocked.Increment(ref _counts[IndexOf(value)]);
        Interlocked.Increment(ref _total);
        long seen;
        while (value > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, seen) != seen)
        {
        }
    }

    /// <summary>The value at or below which <paramref name="percentile"/> % of the values lie (highest value of its bucket, at most the max); 0 when empty.</summary>
    public long ValueAtPercentile(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        // Rounded first: 99.9 % of 1000 is rank 999, not 1000 through 999.0000000000001.
        var target = Math.Max(1, (long)Math.Ceiling(Math.Round(percentile * total / 100, 6)));
        long seen = 0;
        for (var index = 0; index < _counts.Length; index++)
        {
            seen += Interlocked.Read(ref _counts[index]);
            if (seen >= target)
            {
                return Math.Min(HighestValueOf(index), MaxMicros);
            }
        }

        return MaxMicros;
    }

    private static int IndexOf(long value)
    {
        if (value < 2 * SubBucketCount)
        {
            return (int)value;
        }

        var shift = 63 - long.LeadingZeroCount(value) - SubBucketBits;
        return (int)((shift + 1) * SubBucketCount + (value >> (int)shift) - SubBucketCount);
    }

    private static long HighestValueOf(int index)
    {
        if (index < 2 * SubBucketCount)
        {
            return index;
        }

        var shift = (index / SubBucketCount) - 1;
        long subBucket = (index % SubBucketCount) + SubBucketCount;
        return ((subBucket + 1) << shift) - 1;
    }
}
