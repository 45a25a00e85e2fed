namespace Hyok.Server.Limits;

/// <summary>
/// Admission control in front of the key backend: at most <see cref="CurrentLimit"/> requests in flight; the excess
/// waits in a FIFO queue for at most the queue-time bound (and at most <see cref="AdmissionSettings.MaxQueueLength"/>
/// of them), and a request that cannot get a slot in time is refused (null: the caller answers ThrottlingException).
/// Refusing early keeps the latency of admitted requests low under overload (docs/operations.md).
/// A slot is freed when the work has really finished (<see cref="AdmissionLease"/>), not when its request was
/// answered at the deadline: a stuck backend keeps its slots, so further requests are shed instead of piling onto it.
/// </summary>
internal sealed partial class AdmissionLimiter
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _queue = new();
    private readonly AdmissionSettings _settings;
    private readonly TimeProvider _timeProvider;
    private double _limit;
    private int _inFlight;
    private long _shed;

    public AdmissionLimiter(AdmissionSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _timeProvider = timeProvider;
        _limit = settings.MaxConcurrency;
        _lastDecrease = timeProvider.GetTimestamp();
    }

    /// <summary>The current concurrency limit (adaptive between the configured bounds).</summary>
    public int CurrentLimit
    {
        get { lock (_lock) { return (int)_limit; } }
    }

    /// <summary>Requests holding a slot now.</summary>
    public int InFlight
    {
        get { lock (_lock) { return _inFlight; } }
    }

    /// <summary>Requests refused so far (queue full or queue time over).</summary>
    public long ShedCount => Interlocked.Read(ref _shed);

    /// <summary>A slot, waiting at most <paramref name="maxWait"/> (never more than the configured queue time); null when refused.</summary>
    public ValueTask<AdmissionLease?> EnterAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var wait = maxWait < _settings.MaxQueueTime ? maxWait : _settings.MaxQueueTime;
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_lock)
        {
            if (_queue.Count == 0 && _inFlight < (int)_limit)
            {
                _inFlight++;
                return ValueTask.FromResult<AdmissionLease?>(new AdmissionLease(this, _timeProvider.GetTimestamp()));
            }

            if (wait <= TimeSpan.Zero || _queue.Count >= _settings.MaxQueueLength || cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _shed);
                return ValueTask.FromResult<AdmissionLease?>(null);
            }

            node = _queue.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return WaitAsync(node, wait, cancellationToken);
    }

    private async ValueTask<AdmissionLease?> WaitAsync(LinkedListNode<TaskCompletionSource<bool>> node, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(wait, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        using (linked.Token.UnsafeRegister(static state => ((Waiter)state!).GiveUp(), new Waiter(this, node)))
        {
            // The grant and the give-up are decided under the lock: exactly one of them completes the waiter.
            return await node.Value.Task.ConfigureAwait(false) ? new AdmissionLease(this, _timeProvider.GetTimestamp()) : null;
        }
    }

    /// <summary>The wait ended (queue time over, or the client went away) before a slot came free.</summary>
    private void GiveUp(LinkedListNode<TaskCompletionSource<bool>> node)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return;
            }

            _queue.Remove(node);
        }

        Interlocked.Increment(ref _shed);
        node.Value.TrySetResult(false);
    }

    /// <summary>Frees a slot, adapts the limit to the service time, and hands free slots to the oldest waiters.</summary>
    internal void Release(long admittedAt)
    {
        var now = _timeProvider.GetTimestamp();
        List<TaskCompletionSource<bool>>? granted = null;
        lock (_lock)
        {
            var wasSaturated = _inFlight >= (int)_limit;
            _inFlight--;
            if (_settings.Adaptive)
            {
                Adapt(_timeProvider.GetElapsedTime(admittedAt, now), now, wasSaturated);
            }

            while (_queue.First is { } first && _inFlight < (int)_limit)
            {
                _queue.RemoveFirst();
                _inFlight++;
                (granted ??= []).Add(first.Value);
            }
        }

        foreach (var waiter in granted ?? [])
        {
            waiter.TrySetResult(true);
        }
    }

    private sealed record Waiter(AdmissionLimiter Limiter, LinkedListNode<TaskCompletionSource<bool>> Node)
    {
        public void GiveUp() => Limiter.GiveUp(Node);
    }
}
