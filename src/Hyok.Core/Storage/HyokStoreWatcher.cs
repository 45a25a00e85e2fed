using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// Keeps an immutable in-memory <see cref="StoreSnapshot"/> of a <see cref="HyokDatabase"/> current.
/// Every poll interval (200 ms by default) it reads the database's change version on its own connection (SQLite
/// <c>PRAGMA data_version</c>; PostgreSQL the trigger-maintained <c>store_generation</c>, and a LISTEN on
/// <c>hyok_store</c> wakes it at once); the value changes whenever anyone, in this or another process or instance (the
/// <c>hyok</c> CLI), commits, and the snapshot is then reloaded. So a change takes effect within one second without a
/// restart, while lookups never touch the database (xks-spec.md §7.3: credentials rotate without restart).
/// </summary>
public sealed partial class HyokStoreWatcher : IDisposable
{
    /// <summary>The default poll interval.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly HyokDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _staleAfter;
    private readonly Lock _pollLock = new();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _loop;
    private StoreSnapshot _current = StoreSnapshot.Empty;
    private DbConnection? _connection;
    private long? _dataVersion;
    private volatile string? _fault;
    private long _lastGoodPollTimestamp;
    private bool _disposed;

    private HyokStoreWatcher(HyokDatabase database, TimeProvider timeProvider, TimeSpan pollInterval)
    {
        _database = database;
        _timeProvider = timeProvider;
        _staleAfter = pollInterval * 10 + TimeSpan.FromSeconds(1);
    }

    /// <summary>The database watched.</summary>
    public HyokDatabase Database => _database;

    /// <summary>Why the last poll failed (database missing, unreadable...), or null when it succeeded.</summary>
    public string? Fault => _fault;

    /// <summary>Rows of the current snapshot that could not be loaded; for operators' logs, never contains secrets.</summary>
    public IReadOnlyList<string> Problems => Current.Problems;

    /// <summary>The current snapshot, for reads that do not use key material (descriptors, secrets).</summary>
    internal StoreSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// Loads the first snapshot (failing here, at start, when the database cannot be read) and starts polling
    /// on a dedicated background thread every <paramref name="pollInterval"/> of real time.
    /// <paramref name="timeProvider"/> only judges whether the last good poll is recent (health probe).
    /// </summary>
    /// <exception cref="HyokStoreException">The first load failed.</exception>
    public static HyokStoreWatcher Start(HyokDatabase database, TimeSpan? pollInterval = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        TimeSpan interval = pollInterval ?? DefaultPollInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));
        var watcher = new HyokStoreWatcher(database, timeProvider ?? TimeProvider.System, interval);
        watcher.Poll(force: true);
        if (watcher.Fault is { } fault)
        {
            watcher.Dispose();
            throw new HyokStoreException(fault);
        }

        watcher._loop = new Thread(() => watcher.Run(interval, watcher._stop.Token))
        {
            IsBackground = true,
            Name = "Hyok store watcher",
        };
        watcher._loop.Start();
        return watcher;
    }

    /// <summary>Reloads the snapshot now, whether or not the database changed. Returns false (see <see cref="Fault"/>) on failure.</summary>
    public bool Refresh()
    {
        Poll(force: true);
        return _fault is null;
    }

    /// <summary>
    /// True when the last poll succeeded recently; otherwise false with the reason. The snapshot is still
    /// served while unhealthy, but the health probe reports the key manager as unavailable.
    /// </summary>
    internal bool IsHealthy(out string? reason)
    {
        reason = _fault;
        if (reason is null && _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastGoodPollTimestamp)) > _staleAfter)
        {
            reason = "the key store has not been polled successfully recently";
        }

        return reason is null;
    }

    /// <summary>Takes a reference on the current snapshot so its key material stays valid until the lease is disposed.</summary>
    internal SnapshotLease Acquire()
    {
        while (true)
        {
            var snapshot = Volatile.Read(ref _current);
            if (snapshot.TryAddReference())
            {
                return new SnapshotLease(snapshot);
            }
        }
    }

    /// <summary>Stops polling, closes the connection, and zeroes the snapshot's key material once no lease holds it.</summary>
    public void Dispose()
    {
        lock (_pollLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _stop.Cancel();
        _loop?.Join(TimeSpan.FromSeconds(5));
        lock (_pollLock)
        {
            CloseConnection();
            Interlocked.Exchange(ref _current, StoreSnapshot.Empty).Release();
        }

        _stop.Dispose();
    }
}
