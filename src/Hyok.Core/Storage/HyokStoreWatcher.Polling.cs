using System.Data.Common;

namespace Hyok.Storage;

/// <summary>The polling loop: the change version, reload on change, faults recorded instead of thrown.</summary>
public sealed partial class HyokStoreWatcher
{
    /// <summary>
    /// The polling loop runs on its own background thread, so a busy or starved thread pool never delays
    /// a credential rotation or a key being disabled.
    /// </summary>
    private void Run(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var signal = _database.Dialect.CreateChangeSignal();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (signal is null)
            {
                cancellationToken.WaitHandle.WaitOne(interval);
            }
            else
            {
                signal.Wait(interval, cancellationToken);
            }

            Poll(force: false);
        }
    }

    private void Poll(bool force)
    {
        lock (_pollLock)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                PollCore(force);
                _fault = null;
                Interlocked.Exchange(ref _lastGoodPollTimestamp, _timeProvider.GetTimestamp());
            }
#pragma warning disable CA1031 // The loop must survive any failure; it is reported through Fault and the health probe.
            catch (Exception e)
#pragma warning restore CA1031
            {
                CloseConnection();
                _fault = e is HyokStoreException
                    ? e.Message
                    : $"cannot read the key store database {_database.Location}: {_database.Dialect.Failure(e).Message}";
            }
        }
    }

    private void PollCore(bool force)
    {
        _database.Dialect.RequirePresent();

        if (_connection is null)
        {
            _connection = _database.OpenConnection();
            _dataVersion = null;
        }

        long version = _database.Dialect.ChangeVersion(_connection);
        if (!force && version == _dataVersion)
        {
            return;
        }

        var next = StoreSnapshotLoader.Load(_connection, _database.Dialect, _database.Sealer);
        _dataVersion = version;
        Interlocked.Exchange(ref _current, next).Release();
    }

    private void CloseConnection()
    {
        _connection?.Dispose();
        _connection = null;
        _dataVersion = null;
    }
}
