using System.Collections.Concurrent;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>
/// A bounded pool of PKCS#11 sessions of one token connection. A session is used by one operation at a time
/// (sessions are not thread-safe); sessions are opened lazily up to <c>size</c>. Waiting for a free session
/// has a deadline: <see cref="RentAsync"/> answers null when it passes, which the caller reports as
/// DependencyTimeoutException (ARCHITECTURE.md §3.7). Broken sessions are closed and replaced by new ones.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "SemaphoreSlim needs disposal only when its wait handle is used; leases may be returned after the pool is retired.")]
internal sealed class Pkcs11SessionPool(int size, TimeSpan waitTimeout, TimeProvider timeProvider, Action<ISession> close)
{
    private readonly SemaphoreSlim _slots = new(size, size);
    private readonly ConcurrentQueue<ISession> _idle = new();
    private volatile bool _closed;

    public int Size => size;

    /// <summary>Slots leased now (each an operation holding, or about to open, a session).</summary>
    public int InUse => size - _slots.CurrentCount;

    /// <summary>True once the connection this pool belongs to was retired.</summary>
    public bool IsClosed => _closed;

    /// <summary>A lease on one slot (with an idle session when there is one), or null when the wait deadline passed.</summary>
    public async ValueTask<Pkcs11SessionLease?> RentAsync(CancellationToken cancellationToken)
    {
        if (!_slots.Wait(0, CancellationToken.None))
        {
            using var deadline = new CancellationTokenSource(waitTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            try
            {
                await _slots.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        return new Pkcs11SessionLease(this, _idle.TryDequeue(out var session) ? session : null);
    }

    /// <summary>Takes a session back: kept for the next lease when healthy, closed otherwise.</summary>
    public void Return(ISession? session, bool broken)
    {
        if (session is not null)
        {
            if (broken || _closed)
            {
                close(session);
            }
            else
            {
                _idle.Enqueue(session);
                if (_closed && _idle.TryDequeue(out var late))
                {
                    close(late);
                }
            }
        }

        _slots.Release();
    }

    /// <summary>Retires the pool: idle sessions are closed now, leased ones when they come back.</summary>
    public void Close()
    {
        _closed = true;
        while (_idle.TryDequeue(out var session))
        {
            close(session);
        }
    }
}
