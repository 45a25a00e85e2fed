using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// Reads of the <c>instances</c> table. Liveness is judged by the DATABASE clock (<c>now()</c>), so the instances' own
/// clocks do not matter: live = not stopped and a heartbeat at most the live window old.
/// </summary>
public static class FleetInstances
{
    /// <summary>The database's time in Unix milliseconds, as the heartbeats stamp it.</summary>
    internal const string NowMs = "(extract(epoch from now()) * 1000)::bigint";

    private const string Live = $"SELECT count(*) FROM instances WHERE stopped_at IS NULL AND heartbeat_at >= {NowMs} - @window";

    private const string All = $"""
        SELECT id, version, started_at, heartbeat_at, load, stopped_at, {NowMs} - heartbeat_at
        FROM instances ORDER BY id COLLATE "C"
        """;

    /// <summary>How many instances are live: <c>xksProxyFleetSize</c> of the health answer (xks-spec.md §5.4).</summary>
    /// <exception cref="HyokStoreException">The database cannot be reached or read.</exception>
    public static async Task<int> CountLiveAsync(PostgreSqlConnector connector, TimeSpan liveWindow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        try
        {
            await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(Live, connection);
            command.Parameters.AddWithValue("window", (long)liveWindow.TotalMilliseconds);
            return (int)(long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (NpgsqlException e)
        {
            throw connector.Failure("cannot read the fleet's instances", e);
        }
    }

    /// <summary>Every instance row, ordered by id, with its state by the database clock.</summary>
    /// <exception cref="HyokStoreException">The database cannot be reached or read.</exception>
    public static async Task<IReadOnlyList<FleetInstance>> ListAsync(PostgreSqlConnector connector, TimeSpan liveWindow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var instances = new List<FleetInstance>();
        try
        {
            await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(All, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var age = TimeSpan.FromMilliseconds(reader.GetInt64(6));
                DateTimeOffset? stopped = reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5));
                var state = stopped is not null ? FleetInstanceState.Stopped : age <= liveWindow ? FleetInstanceState.Live : FleetInstanceState.Stale;
                instances.Add(new FleetInstance(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), age, reader.GetDouble(4), stopped, state));
            }
        }
        catch (NpgsqlException e)
        {
            throw connector.Failure("cannot read the fleet's instances", e);
        }

        return instances;
    }
}
