namespace Hyok.Storage.PostgreSql;

/// <summary>The heartbeat thread: one bounded upsert per interval; failures are recorded and logged, never thrown.</summary>
public sealed partial class InstanceHeartbeat
{
    private void Run()
    {
        try
        {
            var token = _stop.Token;
            var spent = TimeSpan.Zero;
            while (!token.WaitHandle.WaitOne(spent < Interval ? Interval - spent : TimeSpan.Zero))
            {
                long started = _time.GetTimestamp();
                BeatOnce();
                spent = _time.GetElapsedTime(started);
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void BeatOnce()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(BeatTimeout);
        try
        {
            // A thread of its own: blocking it on the driver's async calls holds up no request.
            if (BeatAsync(ReadLoad(), timeout.Token).GetAwaiter().GetResult())
            {
                Interlocked.Increment(ref _beats);
                if (_lastError is not null)
                {
                    _lastError = null;
                    FleetLog.Recovered(_logger, InstanceId);
                }
            }
            else
            {
                Fail(DescribeHolderAsync(timeout.Token).GetAwaiter().GetResult());
            }
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            // Every fault (one that is not the database's, too): the thread must never die.
            Fail(Describe(e));
        }
        catch (OperationCanceledException)
        {
            // Disposing.
        }
    }

    private void Fail(string reason)
    {
        if (!string.Equals(reason, _lastError, StringComparison.Ordinal))
        {
            FleetLog.HeartbeatFailed(_logger, InstanceId, reason);
        }

        _lastError = reason;
    }

    /// <summary>The server's key manager report; a callback that throws reports nothing.</summary>
    private Protocol.EkmFleetDetail? ReadKeyManager()
    {
        try
        {
            return _keyManager?.Invoke();
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The server's number; a callback that throws counts as 0.</summary>
    private double ReadLoad()
    {
        try
        {
            return _load();
        }
        catch (Exception)
        {
            return 0;
        }
    }
}
