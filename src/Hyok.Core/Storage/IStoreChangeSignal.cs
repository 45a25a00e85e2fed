namespace Hyok.Storage;

/// <summary>A push notification of store changes (PostgreSQL LISTEN/NOTIFY), used only to wake the watcher early.</summary>
internal interface IStoreChangeSignal : IDisposable
{
    /// <summary>
    /// Waits until a change is signalled, <paramref name="timeout"/> passes, or <paramref name="cancellationToken"/> is
    /// cancelled. Never throws: when the signal is broken it waits the timeout and reconnects on a later call.
    /// </summary>
    void Wait(TimeSpan timeout, CancellationToken cancellationToken);
}
