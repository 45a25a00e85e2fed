using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>Starting: register the row (refused when another live process holds the id), then start the heartbeat thread.</summary>
public sealed partial class InstanceHeartbeat
{
    private InstanceHeartbeat(PostgreSqlConnector connector, string instanceId, string version, TimeSpan interval, Func<double> load, ILogger logger, TimeProvider time)
    {
        (_connector, InstanceId, Version, Interval, _load, _logger, _time) = (connector, instanceId, version, interval, load, logger, time);
        Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>Registers <paramref name="instanceId"/> and starts its heartbeats. The connector stays the caller's (dispose it after this).</summary>
    /// <param name="load">The number stored with each heartbeat (e.g. requests per second); called on the heartbeat thread.</param>
    /// <exception cref="HyokStoreException">The database cannot be reached, or another live process uses <paramref name="instanceId"/>.</exception>
    public static async Task<InstanceHeartbeat> StartAsync(PostgreSqlConnector connector, string instanceId, string version, TimeSpan interval,
        Func<double> load, ILogger<InstanceHeartbeat>? logger = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var heartbeat = new InstanceHeartbeat(connector, instanceId, version, interval, load, (ILogger?)logger ?? NullLogger.Instance, timeProvider ?? TimeProvider.System);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(heartbeat.BeatTimeout);
        string? refusal;
        try
        {
            refusal = await heartbeat.BeatAsync(heartbeat.ReadLoad(), timeout.Token).ConfigureAwait(false) ? null : await heartbeat.DescribeHolderAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new HyokStoreException($"cannot register instance '{instanceId}': {heartbeat.Describe(e)}");
        }

        if (refusal is not null)
        {
            throw new HyokStoreException(refusal);
        }

        Interlocked.Increment(ref heartbeat._beats);
        FleetLog.Registered(heartbeat._logger, instanceId, version, interval.TotalMilliseconds);
        new Thread(heartbeat.Run) { IsBackground = true, Name = "Hyok instance heartbeat" }.Start();
        return heartbeat;
    }

    /// <summary>How long one heartbeat may take, connecting included: the live window, at least 2 s.</summary>
    private TimeSpan BeatTimeout => LiveWindow > TimeSpan.FromSeconds(2) ? LiveWindow : TimeSpan.FromSeconds(2);
}
