namespace Hyok.Cli.Bench;

/// <summary>
/// <c>--max-in-flight</c>: how many open-loop requests may wait for their answers at once. A request due while the
/// limit is reached is not sent (counted as dropped). Tracks the peak and lets the run wait for the last answer.
/// </summary>
internal sealed class InFlightLimit(int max)
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _inFlight;
    private long _peak;
    private int _closed;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public long Peak => Interlocked.Read(ref _peak);

    public bool TryEnter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        if (now > max)
        {
            Exit();
            return false;
        }

        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }

        return true;
    }

    public void Exit()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _closed) == 1)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>No more requests will enter: completes when the last one in flight has left.</summary>
    public Task DrainAsync()
    {
        Volatile.Write(ref _closed, 1);
        if (InFlight == 0)
        {
            _drained.TrySetResult();
        }

        return _drained.Task;
    }
}
