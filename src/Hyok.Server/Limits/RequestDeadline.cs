namespace Hyok.Server.Limits;

/// <summary>
/// The deadline of one XKS request, counted from its arrival (<c>Hyok:Limits:RequestDeadlineMilliseconds</c>, under
/// KMS's 250 ms, xks-spec.md §9). <see cref="Token"/> is cancelled when it passes or when the client goes away; work
/// still running then is abandoned and the request answers DependencyTimeoutException (§6.2).
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;
    private readonly TimeProvider _timeProvider;
    private readonly long _arrival;
    private readonly TimeSpan _timeout;
    private int _deferred;

    public RequestDeadline(TimeSpan timeout, TimeProvider timeProvider, long arrivalTimestamp, CancellationToken aborted)
    {
        _timeProvider = timeProvider;
        _arrival = arrivalTimestamp;
        _timeout = timeout;
        var left = Remaining;
        _timer = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, aborted);
    }

    /// <summary>Cancelled at the deadline or when the client aborts.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True once the deadline itself (not a client abort) has passed.</summary>
    public bool IsExpired => _timer.IsCancellationRequested;

    /// <summary>Time left until the deadline (negative once it has passed).</summary>
    public TimeSpan Remaining => _timeout - _timeProvider.GetElapsedTime(_arrival);

    /// <summary>
    /// The request is over but <paramref name="work"/> (abandoned at the deadline) may still use <see cref="Token"/>:
    /// the deadline is disposed when it finishes instead, and its fault (if any) is observed.
    /// </summary>
    public void DisposeAfter(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Interlocked.Exchange(ref _deferred, 1);
        work.ContinueWith(static (finished, state) =>
        {
            _ = finished.Exception;
            ((RequestDeadline)state!).Release();
        }, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Disposes now, unless <see cref="DisposeAfter"/> handed the deadline to abandoned work.</summary>
    public void Dispose()
    {
        if (Volatile.Read(ref _deferred) == 0)
        {
            Release();
        }
    }

    private void Release()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
