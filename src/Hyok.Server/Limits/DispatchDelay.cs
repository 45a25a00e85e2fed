namespace Hyok.Server.Limits;

/// <summary>
/// How long work now waits in the thread pool's queue before it runs: the time a new request (and each step of a
/// running one) spends waiting for a CPU before any Hyok code sees it. A thread of its own queues one probe work item
/// at a time, every <c>interval</c>, on the pool's global queue (where Kestrel queues new requests) and records how
/// long it waited. When the process is starved of CPU (load past capacity, a noisy neighbour) this delay grows long
/// before any admission slot runs out, and <see cref="RequestAdmission"/> sheds with ThrottlingException instead of
/// letting requests run into their deadline (docs/operations.md "Overload and deadlines").
/// <see cref="Current"/> is deliberately slow to rise: one long wait (a GC pause, a JIT burst) is not overload.
/// </summary>
internal sealed class DispatchDelay : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private long _queuedAt; // timestamp of the probe waiting now; 0 when none
    private Waits _waits = new(0, 0);
    private int _disposed;

    public DispatchDelay(TimeSpan interval, TimeProvider timeProvider)
    {
        _interval = interval;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// The delay now, as the evidence of the last probes shows it: the shorter of the last two probes' waits, or, while a
    /// probe is still waiting, the shorter of its wait so far and the last probe's. Two long waits in a row are needed.
    /// </summary>
    public TimeSpan Current => CurrentAt(_timeProvider.GetTimestamp());

    /// <summary>Starts the probe thread.</summary>
    public void Start() => new Thread(Run) { IsBackground = true, Name = "Hyok dispatch probe" }.Start();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }

    internal TimeSpan CurrentAt(long now)
    {
        var waits = Volatile.Read(ref _waits);
        long latest = waits.Latest;
        long settled = Math.Min(latest, waits.Previous);
        long queuedAt = Interlocked.Read(ref _queuedAt);
        long waiting = queuedAt == 0 ? 0 : Math.Min(Math.Max(0, now - queuedAt), latest);
        return _timeProvider.GetElapsedTime(0, Math.Max(settled, waiting));
    }

    /// <summary>Records that a probe was queued at <paramref name="timestamp"/>.</summary>
    internal void Queued(long timestamp) => Interlocked.Exchange(ref _queuedAt, timestamp);

    /// <summary>Records that the waiting probe ran at <paramref name="timestamp"/>.</summary>
    internal void Ran(long timestamp)
    {
        long queuedAt = Interlocked.Exchange(ref _queuedAt, 0);
        if (queuedAt != 0)
        {
            // Only the one probe in flight writes here; readers see either pair whole, never a half-updated one.
            Volatile.Write(ref _waits, new Waits(Math.Max(0, timestamp - queuedAt), Volatile.Read(ref _waits).Latest));
        }
    }

    private void Run()
    {
        var token = _stop.Token;
        try
        {
            while (!token.WaitHandle.WaitOne(_interval))
            {
                if (Interlocked.Read(ref _queuedAt) == 0)
                {
                    Queued(_timeProvider.GetTimestamp());
                    ThreadPool.UnsafeQueueUserWorkItem(static probe => probe.Ran(probe._timeProvider.GetTimestamp()), this, preferLocal: false);
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the wait and the check: the server is stopping.
        }
    }

    /// <summary>The last two probes' waits, in timestamp ticks.</summary>
    private sealed record Waits(long Latest, long Previous);
}
