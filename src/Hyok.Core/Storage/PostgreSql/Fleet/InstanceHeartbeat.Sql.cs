using Npgsql;
using NpgsqlTypes;
using Hyok.Protocol;

namespace Hyok.Storage.PostgreSql;

/// <summary>The statements: one upsert is both the registration and every heartbeat; stamps come from the database clock.</summary>
public sealed partial class InstanceHeartbeat
{
    /// <summary>
    /// Inserts the row, or takes it over when it is this process's (same nonce), stopped, or stale by the database
    /// clock; returns no row when another live process holds the id. A process that lost its row (deleted by hand) gets
    /// it back on its next heartbeat.
    /// </summary>
    private const string Upsert = $"""
        INSERT INTO instances AS i (id, version, started_at, heartbeat_at, load, nonce, stopped_at, key_manager_id, key_manager_model, key_manager_status)
        VALUES (@id, @version, {FleetInstances.NowMs}, {FleetInstances.NowMs}, @load, @nonce, NULL, @km_id, @km_model, @km_status)
        ON CONFLICT (id) DO UPDATE SET
            version = excluded.version,
            started_at = CASE WHEN i.nonce = excluded.nonce THEN i.started_at ELSE excluded.started_at END,
            heartbeat_at = excluded.heartbeat_at, load = excluded.load, nonce = excluded.nonce, stopped_at = NULL,
            key_manager_id = excluded.key_manager_id, key_manager_model = excluded.key_manager_model,
            key_manager_status = excluded.key_manager_status
        WHERE i.nonce = excluded.nonce OR i.stopped_at IS NOT NULL OR i.heartbeat_at < excluded.heartbeat_at - @window
        RETURNING 1
        """;

    /// <summary>The live instances (by the database clock), newest heartbeat first, with the key manager each reported.</summary>
    private const string LiveSql = $"""
        SELECT key_manager_id, key_manager_model, key_manager_status FROM instances
        WHERE stopped_at IS NULL AND heartbeat_at >= {FleetInstances.NowMs} - @window ORDER BY heartbeat_at DESC
        """;

    private const string Holder = $"SELECT version, {FleetInstances.NowMs} - heartbeat_at FROM instances WHERE id = @id";

    private const string Stop = $"UPDATE instances SET stopped_at = {FleetInstances.NowMs}, load = 0 WHERE id = @id AND nonce = @nonce";

    /// <summary>True when the row is this process's now; false when another live process holds the id.</summary>
    private async Task<bool> BeatAsync(double load, CancellationToken cancellationToken)
    {
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Upsert, connection);
        command.Parameters.AddWithValue("id", InstanceId);
        command.Parameters.AddWithValue("version", Version);
        command.Parameters.AddWithValue("load", NpgsqlDbType.Double, double.IsFinite(load) ? load : 0);
        command.Parameters.AddWithValue("nonce", Nonce);
        command.Parameters.AddWithValue("window", (long)LiveWindow.TotalMilliseconds);
        var keyManager = ReadKeyManager();
        command.Parameters.AddWithValue("km_id", NpgsqlDbType.Text, (object?)keyManager?.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("km_model", NpgsqlDbType.Text, (object?)keyManager?.Model ?? DBNull.Value);
        command.Parameters.AddWithValue("km_status", NpgsqlDbType.Text, (object?)keyManager?.HealthStatus ?? DBNull.Value);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await ReadLiveAsync(connection, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>One read of the live instances: their count, and each key manager id once with its newest report.</summary>
    private async Task ReadLiveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LiveSql, connection);
        command.Parameters.AddWithValue("window", (long)LiveWindow.TotalMilliseconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var (live, managers) = (0, new List<EkmFleetDetail>());
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            live++;
            if (!reader.IsDBNull(0) && managers.TrueForAll(m => m.Id != reader.GetString(0)))
            {
                managers.Add(new EkmFleetDetail(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.IsDBNull(2) ? "UNAVAILABLE" : reader.GetString(2)));
            }
        }

        (_liveInstances, _liveKeyManagers) = (live, managers);
    }

    /// <summary>The refusal: which live process holds the id.</summary>
    private async Task<string> DescribeHolderAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Holder, connection);
        command.Parameters.AddWithValue("id", InstanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string holder = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? $" (Hyok {reader.GetString(0)}, last heartbeat {reader.GetInt64(1)} ms ago by the database clock)"
            : "";
        return $"instance id '{InstanceId}' is in use by another live process{holder} in {_connector.Target}: give every instance its own id, "
            + $"or start this one after the other stopped (a process that died counts as stopped {LiveWindow.TotalSeconds:0.###} s after its last heartbeat)";
    }

    /// <summary>Marks this process's row stopped; bounded, and a failure is logged (the heartbeat then goes stale).</summary>
    private async Task MarkStoppedAsync()
    {
        using var timeout = new CancellationTokenSource(BeatTimeout);
        try
        {
            await using var connection = await _connector.OpenAsync(timeout.Token).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Stop, connection);
            command.Parameters.AddWithValue("id", InstanceId);
            command.Parameters.AddWithValue("nonce", Nonce);
            await command.ExecuteNonQueryAsync(timeout.Token).ConfigureAwait(false);
            FleetLog.Stopped(_logger, InstanceId);
        }
        catch (Exception e) when (e is HyokStoreException or NpgsqlException or OperationCanceledException or TimeoutException)
        {
            FleetLog.StopFailed(_logger, InstanceId, Describe(e));
        }
    }

    /// <summary>An operator-facing reason without the password (the connector scrubs driver messages).</summary>
    private string Describe(Exception e) => e switch
    {
        OperationCanceledException => $"no answer from PostgreSQL at {_connector.Target} within {BeatTimeout.TotalSeconds:0.###} s",
        NpgsqlException => _connector.Failure("heartbeat failed", e).Message,
        HyokStoreException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
