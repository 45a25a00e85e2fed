using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// Connection attempts in the background, as KMS makes them after ConnectCustomKeyStore has answered: GetHealthStatus
/// (<c>kmsOperation=ConnectCustomKeyStore</c>) moves a CONNECTING store to CONNECTED, or to FAILED with the
/// <c>ConnectionErrorCode</c> of xks-spec.md §10.3. An attempt cut short by shutdown leaves the store CONNECTING;
/// <see cref="ResumeInterrupted"/> starts it again when the emulator next starts.
/// </summary>
internal sealed partial class KeyStoreConnector(KmsContext context, ILogger logger)
{
    /// <summary>Starts the attempt for <paramref name="connecting"/> (already stored CONNECTING) and returns at once.</summary>
    public void Begin(KmsCustomKeyStore connecting, string principal, string requestId) =>
        context.Proxies.Background.Run(stopping => AttemptAsync(connecting, principal, requestId, stopping));

    /// <summary>Starts an attempt for every store left CONNECTING by a previous run; returns how many.</summary>
    public int ResumeInterrupted()
    {
        var interrupted = context.Database.ListKeyStores(null, int.MaxValue).Where(s => s.ConnectionState == KeyStoreConnectionStates.Connecting).ToList();
        foreach (var store in interrupted)
        {
            string requestId = Guid.NewGuid().ToString("D");
            LogResumed(logger, store.Id, requestId);
            Begin(store, "-", requestId);
        }

        return interrupted.Count;
    }

    private async Task AttemptAsync(KmsCustomKeyStore store, string principal, string requestId, CancellationToken stopping)
    {
        try
        {
            var result = await context.Proxies.For(store).GetHealthStatusAsync("ConnectCustomKeyStore", requestId, stopping).ConfigureAwait(false);
            var failure = XksHealthCheck.Evaluate(result);
            string state = failure is null ? KeyStoreConnectionStates.Connected : KeyStoreConnectionStates.Failed;
            string? errorCode = failure is null ? null : XksFailureMapping.ConnectionErrorCodeOf(failure);
            bool stored = context.Database.TrySetConnectionState(store.Id, KeyStoreConnectionStates.Connecting, store.Revision, state, errorCode);
            LogAttempt(logger, store.Id, stored ? state : "superseded", errorCode ?? "-", principal, requestId);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogInterrupted(logger, store.Id, requestId);
        }
        catch (Exception e) when (e is KmsException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            // The store's secret no longer opens, the CA bundle cannot be read, or the emulator is shutting down.
            LogAttemptFailed(logger, store.Id, e.GetType().Name, requestId);
            TryMarkFailed(store);
        }
    }

    private void TryMarkFailed(KmsCustomKeyStore store)
    {
        try
        {
            context.Database.TrySetConnectionState(store.Id, KeyStoreConnectionStates.Connecting, store.Revision, KeyStoreConnectionStates.Failed, "INTERNAL_ERROR");
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // Shutting down: the store stays CONNECTING in the database and the attempt resumes at the next start.
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information,
        Message = "Custom key store {KeyStoreId} connection attempt: {State} {ConnectionErrorCode} (by {Principal}, request {RequestId})")]
    private static partial void LogAttempt(ILogger logger, string keyStoreId, string state, string connectionErrorCode, string principal, string requestId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Custom key store {KeyStoreId} connection attempt failed: {Problem} (request {RequestId})")]
    private static partial void LogAttemptFailed(ILogger logger, string keyStoreId, string problem, string requestId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information,
        Message = "Custom key store {KeyStoreId} connection attempt interrupted by shutdown: it stays CONNECTING until the next start (request {RequestId})")]
    private static partial void LogInterrupted(ILogger logger, string keyStoreId, string requestId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Custom key store {KeyStoreId} was CONNECTING at the last shutdown: connecting again (request {RequestId})")]
    private static partial void LogResumed(ILogger logger, string keyStoreId, string requestId);
}
