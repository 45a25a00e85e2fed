using System.Collections.Concurrent;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// The background calls to key store proxies (connection attempts, periodic health checks), tracked so that the
/// emulator can cancel them and wait for them before it disposes the proxy callers and the database. Work started
/// after <see cref="StopAsync"/> gets a cancelled token at once.
/// </summary>
internal sealed class BackgroundWork : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _disposed;

    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>Runs <paramref name="work"/> on the thread pool; it must handle its own failures (an escaped one is dropped).</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        CancellationToken stopping;
        try
        {
            stopping = _stopping.Token;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        var task = Task.Run(() => work(stopping));
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Cancels every running piece of work and waits for it (at most <paramref name="patience"/>).</summary>
    public async Task StopAsync(TimeSpan patience)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        var all = Task.WhenAll(_running.Keys);
        await Task.WhenAny(all, Task.Delay(patience)).ConfigureAwait(false);
    }

    /// <summary>Stops (without waiting) and releases the cancellation source; call <see cref="StopAsync"/> first to wait.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }
}
