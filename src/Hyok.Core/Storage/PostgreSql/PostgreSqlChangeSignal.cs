using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// LISTEN <c>hyok_store</c> on a dedicated connection, used only by the watcher's thread: a committed change wakes the
/// watcher at once instead of at its next poll. When the connection breaks it is dropped and re-opened on a later wait;
/// meanwhile the watcher's polls of <c>store_generation</c> still see every change.
/// </summary>
internal sealed class PostgreSqlChangeSignal(PostgreSqlConnector connector) : IStoreChangeSignal
{
    public const string Channel = "hyok_store";

    private NpgsqlConnection? _connection;

    public void Wait(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            if (_connection is null)
            {
                _connection = connector.Open();
                using var listen = new NpgsqlCommand($"LISTEN {Channel}", _connection);
                listen.ExecuteNonQuery();
            }

            _connection.Wait(timeout);
        }
#pragma warning disable CA1031 // A broken signal only delays changes to the next poll; the poll reports database faults.
        catch (Exception)
#pragma warning restore CA1031
        {
            Dispose();
            cancellationToken.WaitHandle.WaitOne(timeout);
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
    }
}
