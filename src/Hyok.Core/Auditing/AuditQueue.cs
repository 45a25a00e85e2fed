namespace Hyok.Auditing;

/// <summary>
/// The records waiting for the writer thread. A plain monitor: the writer blocks in the kernel without spinning
/// (on a small machine, a spinning waiter takes CPU from the requests it waits for), and takes everything queued at
/// once, which is what makes a group commit.
/// </summary>
internal sealed class AuditQueue<T>
{
    private readonly object _gate = new();
    private List<T> _pending = [];
    private bool _completed;

    /// <summary>False once <see cref="Complete"/> was called.</summary>
    public bool TryAdd(T item)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _pending.Add(item);
            if (_pending.Count == 1)
            {
                Monitor.Pulse(_gate);
            }

            return true;
        }
    }

    /// <summary>Waits for items and takes all of them (swapping in <paramref name="spare"/>); null once completed and drained.</summary>
    public List<T>? TakeAll(List<T> spare)
    {
        lock (_gate)
        {
            while (_pending.Count == 0)
            {
                if (_completed)
                {
                    return null;
                }

                Monitor.Wait(_gate);
            }

            var taken = _pending;
            spare.Clear();
            _pending = spare;
            return taken;
        }
    }

    /// <summary>Takes no more items; the writer drains what is queued, then stops.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
