using Microsoft.Extensions.Logging;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// An instance's row in <c>instances</c> (docs/deployment.md "Fleet status and heartbeats"): registered on start with
/// the Hyok version, then a heartbeat every interval on a thread of its own (never on a request's path) that stamps
/// <c>heartbeat_at</c> with the DATABASE clock and stores the load the server reports. A failed heartbeat is reported
/// (<see cref="LastError"/> and a logged warning), never thrown, and the next one tries again, so the instance comes
/// back by itself when the database does. A random <see cref="Nonce"/> per process keeps a second live process with the
/// same id out. Disposing marks the instance stopped. Feeds <c>xksProxyFleetSize</c> (xks-spec.md §5.4, via
/// <see cref="FleetInstances.CountLiveAsync"/>).
/// </summary>
public sealed partial class InstanceHeartbeat : IAsyncDisposable
{
    private readonly PostgreSqlConnector _connector;
    private readonly Func<double> _load;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _lastError;
    private volatile int _liveInstances;
    private volatile IReadOnlyList<Protocol.EkmFleetDetail> _liveKeyManagers = [];
    private volatile Func<Protocol.EkmFleetDetail?>? _keyManager;
    private long _beats;
    private int _disposed;

    /// <summary>This instance's id (the key of its row and of its audit chain).</summary>
    public string InstanceId { get; }

    /// <summary>The Hyok version written into the row.</summary>
    public string Version { get; }

    /// <summary>A random value of this process, stored in the row.</summary>
    public string Nonce { get; }

    public TimeSpan Interval { get; }

    /// <summary>Heartbeats older than this (<see cref="PostgreSqlStorageOptions.LiveHeartbeats"/> intervals) are not live.</summary>
    public TimeSpan LiveWindow => Interval * PostgreSqlStorageOptions.LiveHeartbeats;

    /// <summary>Why the last heartbeat failed; null when it succeeded.</summary>
    public string? LastError => _lastError;

    /// <summary>
    /// Live instances of the fleet, this one included, as counted (by the database clock) right after the last successful
    /// heartbeat: the health answer's <c>xksProxyFleetSize</c> without a database read on the request's path.
    /// </summary>
    public int LiveInstances => _liveInstances;

    /// <summary>
    /// The key managers of the live instances (this one's included once it reported), one per key manager id, each with
    /// the status of the last deep health probe its instance reported: the health answer's <c>ekmFleetDetails</c>.
    /// </summary>
    public IReadOnlyList<Protocol.EkmFleetDetail> LiveKeyManagers => _liveKeyManagers;

    /// <summary>
    /// What this instance reports about its key manager with each heartbeat (id, model, last probe status); null reports
    /// nothing. Called on the heartbeat thread; set once the server's health check exists (the next heartbeat carries it).
    /// </summary>
    public Func<Protocol.EkmFleetDetail?>? KeyManager
    {
        get => _keyManager;
        set => _keyManager = value;
    }

    /// <summary>Successful heartbeats (the registration included).</summary>
    public long Beats => Interlocked.Read(ref _beats);

    /// <summary>Stops the heartbeats, then marks the instance stopped (a failure there is logged, not thrown).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _stopped.Task.ConfigureAwait(false);
        await MarkStoppedAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
