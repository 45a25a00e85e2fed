namespace Hyok.Server.Limits;

/// <summary>
/// A token bucket: <c>rate</c> tokens a second up to <c>burst</c>, starting full. Each admitted request takes one;
/// an empty bucket refuses (ThrottlingException, xks-spec.md §6.2). Refill is computed from the
/// <see cref="TimeProvider"/> timestamp at each call, so no timer runs.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private readonly double _rate;
    private readonly double _burst;
    private readonly TimeProvider _timeProvider;
    private double _tokens;
    private long _last;
    private long _refused;

    public TokenBucket(double ratePerSecond, int burst, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _rate = ratePerSecond;
        _burst = burst;
        _timeProvider = timeProvider;
        _tokens = burst;
        _last = timeProvider.GetTimestamp();
    }

    /// <summary>Requests refused so far because the bucket was empty (for the metrics).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Takes one token when there is one; false (the request is refused) when the bucket is empty.</summary>
    public bool TryTake()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_timeProvider.GetElapsedTime(_last, now).TotalSeconds * _rate));
            _last = now;
            if (_tokens < 1)
            {
                _refused++;
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
