using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Operations;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// KMS's periodic <c>KmsHealthCheck</c> (xks-spec.md §4.4, §10.2): every <c>XksHealthCheckSeconds</c> each CONNECTED
/// external key store gets a GetHealthStatus call. As in real KMS the outcome changes nothing — the store stays CONNECTED
/// (KMS only publishes it as the XksExternalKeyManagerStates metric); the emulator logs it instead: a failure or a
/// DEGRADED key manager as a warning, a healthy answer at Debug. A round still running when the next is due is not
/// doubled. The timer runs on the emulator's <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class KeyStoreHealthMonitor(KmsContext context, TimeSpan interval, ILogger logger) : IDisposable
{
    public const string KmsOperation = "KmsHealthCheck";

    private ITimer? _timer;
    private int _roundRunning;

    /// <summary>Starts the timer (nothing when the interval is zero).</summary>
    public void Start()
    {
        if (interval > TimeSpan.Zero && _timer is null)
        {
            _timer = context.Time.CreateTimer(_ => StartRound(), null, interval, interval);
        }
    }

    /// <summary>Stops the timer; a round in progress is cancelled with the rest of the background work.</summary>
    public void Dispose() => _timer?.Dispose();

    private void StartRound()
    {
        if (context.Proxies.Background.IsStopping || Interlocked.CompareExchange(ref _roundRunning, 1, 0) != 0)
        {
            return;
        }

        context.Proxies.Background.Run(async stopping =>
        {
            try
            {
                await RunRoundAsync(stopping).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _roundRunning, 0);
            }
        });
    }

    /// <summary>One round over every CONNECTED store, one after another.</summary>
    internal async Task RunRoundAsync(CancellationToken stopping)
    {
        try
        {
            foreach (var store in context.Database.ListKeyStores(null, int.MaxValue).Where(s => s.IsConnected))
            {
                await CheckAsync(store, stopping).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Shutting down.
        }
    }

    private async Task CheckAsync(KmsCustomKeyStore store, CancellationToken stopping)
    {
        string requestId = Guid.NewGuid().ToString("D");
        try
        {
            var result = await context.Proxies.For(store).GetHealthStatusAsync(KmsOperation, requestId, stopping).ConfigureAwait(false);
            if (XksHealthCheck.Evaluate(result) is { } failure)
            {
                LogUnhealthy(logger, store.Id, failure.Kind, XksFailureMapping.ConnectionErrorCodeOf(failure), requestId);
            }
            else if (XksHealthCheck.IsDegraded(result.Value!))
            {
                LogDegraded(logger, store.Id, requestId);
            }
            else
            {
                LogHealthy(logger, store.Id, requestId);
            }
        }
        catch (Protocol.KmsException)
        {
            LogUnhealthy(logger, store.Id, XksFailureKind.InvalidResponse, "INTERNAL_ERROR", requestId);
        }
    }

    [LoggerMessage(EventId = 5140, Level = LogLevel.Debug, Message = "KmsHealthCheck of custom key store {KeyStoreId}: healthy (request {RequestId})")]
    private static partial void LogHealthy(ILogger logger, string keyStoreId, string requestId);

    [LoggerMessage(EventId = 5141, Level = LogLevel.Warning,
        Message = "KmsHealthCheck of custom key store {KeyStoreId}: some external key manager is DEGRADED; the store stays CONNECTED (request {RequestId})")]
    private static partial void LogDegraded(ILogger logger, string keyStoreId, string requestId);

    [LoggerMessage(EventId = 5142, Level = LogLevel.Warning,
        Message = "KmsHealthCheck of custom key store {KeyStoreId} failed: {Kind} ({WouldBe}); the store stays CONNECTED, as in KMS (request {RequestId})")]
    private static partial void LogUnhealthy(ILogger logger, string keyStoreId, XksFailureKind kind, string wouldBe, string requestId);
}
