using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>Losing the connection and re-initialising without a process restart (the point 5).</summary>
public sealed partial class Pkcs11Token
{
    private readonly Lock _reconnectGate = new();
    private long _lastAttempt;
    private int _lastModuleGeneration;

    private readonly Lock _reconnectStart = new();
    private Task<Pkcs11Connection?> _reconnecting = Task.FromResult<Pkcs11Connection?>(null);

    /// <summary>
    /// The live connection. When it was lost (or the module was reloaded meanwhile) a re-initialisation runs on the
    /// thread pool and the caller waits for it at most the session-wait deadline, so a slow module reload never
    /// holds a request past it; null when there is no connection (yet).
    /// </summary>
    private async ValueTask<Pkcs11Connection?> CurrentConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = Volatile.Read(ref _connection);
        if (connection is not null && connection.ModuleGeneration == _module.Generation)
        {
            return connection;
        }

        if (connection is not null)
        {
            MarkLost(connection, "the PKCS#11 module was re-initialised");
        }

        Task<Pkcs11Connection?> attempt;
        lock (_reconnectStart)
        {
            attempt = _reconnecting.IsCompleted ? _reconnecting = Task.Run(TryReconnect, CancellationToken.None) : _reconnecting;
        }

        try
        {
            return await attempt.WaitAsync(TimeSpan.FromMilliseconds(_options.SessionWaitTimeoutMilliseconds), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Drops <paramref name="connection"/> (once) after a token or module loss; the next call reconnects.</summary>
    private void MarkLost(Pkcs11Connection connection, string reason)
    {
        if (Interlocked.CompareExchange(ref _connection, null, connection) == connection)
        {
            LastError = reason;
            Interlocked.Exchange(ref _lastAttempt, 0);
            Retire(connection);
        }
    }

    /// <summary>
    /// One re-initialisation attempt, unless another thread is making one or the last failed attempt is too recent.
    /// The module is finalized and loaded again unless someone else already did since the last connection.
    /// </summary>
    private Pkcs11Connection? TryReconnect()
    {
        if (_disposed || !_reconnectGate.TryEnter())
        {
            return null;
        }

        try
        {
            if (Volatile.Read(ref _connection) is { } current && current.ModuleGeneration == _module.Generation)
            {
                return current;
            }

            long now = _timeProvider.GetTimestamp();
            long last = Interlocked.Read(ref _lastAttempt);
            if (last != 0 && _timeProvider.GetElapsedTime(last, now).TotalMilliseconds < _options.ReconnectIntervalMilliseconds)
            {
                return null;
            }

            Interlocked.Exchange(ref _lastAttempt, now);
            if (_module.Generation == _lastModuleGeneration)
            {
                _module.Reload(_lastModuleGeneration);
            }

            _lastModuleGeneration = _module.Generation;
            var fresh = Connect(_lastModuleGeneration);
            Install(fresh);
            LastError = null;
            return fresh;
        }
#pragma warning disable CA1031 // A failed attempt is remembered and retried later; the call reports the token unavailable.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LastError = e is Net.Pkcs11Interop.Common.Pkcs11Exception p
                ? $"{p.Method}: {CkrErrorMapping.NameOf(p.RV)}"
                : e.Message;
            return null;
        }
        finally
        {
            _reconnectGate.Exit();
        }
    }

    private void Retire(Pkcs11Connection connection)
    {
        connection.Pool.Close();
        CloseSession(connection.LoginSession, connection.ModuleGeneration);
    }

    /// <summary>Closes a session of the given module load; a session of an older load is only forgotten (its handle may be reused).</summary>
    private void CloseSession(ISession session, int moduleGeneration)
    {
        try
        {
            _module.Run(moduleGeneration, _ => TryClose(session));
        }
#pragma warning disable CA1031 // The module was finalized or reloaded: nothing left to close.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static bool TryClose(ISession session)
    {
        try
        {
            session.CloseSession();
            return true;
        }
#pragma warning disable CA1031 // Closing a broken session may fail; it is dropped either way.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
