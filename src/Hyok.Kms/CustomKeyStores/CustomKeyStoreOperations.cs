using System.Text.Json.Nodes;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// The custom key store operations for type EXTERNAL_KEY_STORE (xks-spec.md §10): CreateCustomKeyStore and
/// ConnectCustomKeyStore here; the others beside them (one file each). AWS_CLOUDHSM key stores are not emulated.
/// </summary>
internal sealed partial class CustomKeyStoreOperations(KmsContext context, ILogger logger)
{
    public void Register(KmsOperations operations)
    {
        operations.Add("CreateCustomKeyStore", CreateAsync);
        operations.Add("ConnectCustomKeyStore", call => ValueTask.FromResult(Connect(call)));
        operations.Add("DescribeCustomKeyStores", call => ValueTask.FromResult(Describe(call.Request)));
    }

    private async ValueTask<JsonObject> CreateAsync(KmsCall call)
    {
        var input = KeyStoreInput.ForCreate(call.Request);
        if (context.Database.FindKeyStoreByName(input.Name) is not null)
        {
            throw new KmsException(KeyStoreErrors.NameInUse(input.Name));
        }

        string id = KeyStoreIds.New();
        RequireUniqueProxyUri(new XksProxyUse(id, input.UriEndpoint, input.UriPath, input.Connectivity));
        await CheckHealthAsync(input.UriEndpoint, input.UriPath, input.AccessKeyId, input.Secret, call).ConfigureAwait(false);

        var store = new KmsCustomKeyStore(id, input.Name, KeyStoreConnectionStates.Disconnected, null, context.Time.GetUtcNow(),
            input.UriEndpoint, input.UriPath, input.Connectivity, input.AccessKeyId, input.VpcEndpointServiceName, Revision: 1);
        return context.Database.TryInsertKeyStore(store, input.Secret)
            ? new JsonObject { ["CustomKeyStoreId"] = id }
            : throw new KmsException(KeyStoreErrors.NameInUse(input.Name));
    }

    /// <summary>
    /// Answers at once with the store CONNECTING, as KMS does; the GetHealthStatus call (<c>kmsOperation=ConnectCustomKeyStore</c>)
    /// then moves it to CONNECTED or FAILED with a ConnectionErrorCode (§10.3). Connecting a CONNECTED or CONNECTING store
    /// succeeds and changes nothing; a FAILED one must be disconnected first.
    /// </summary>
    private JsonObject Connect(KmsCall call)
    {
        var store = RequireStore(call.Request.RequiredString("CustomKeyStoreId", 64));
        switch (store.ConnectionState)
        {
            case KeyStoreConnectionStates.Connected or KeyStoreConnectionStates.Connecting:
                return [];
            case KeyStoreConnectionStates.Failed:
                throw new KmsException(KeyStoreErrors.InvalidState(
                    $"Custom key store '{store.Id}' is in the FAILED state ({store.ConnectionErrorCode}). Disconnect it before connecting it again."));
            case KeyStoreConnectionStates.Disconnecting:
                throw new KmsException(KeyStoreErrors.InvalidState($"Custom key store '{store.Id}' is disconnecting. Try again later."));
        }

        var connecting = store with { ConnectionState = KeyStoreConnectionStates.Connecting, ConnectionErrorCode = null };
        if (!context.Database.TrySetConnectionState(store.Id, store.ConnectionState, store.Revision, connecting.ConnectionState, null))
        {
            throw new KmsException(KeyStoreErrors.InvalidState($"Custom key store '{store.Id}' changed during the request. Try again."));
        }

        _ = FinishConnectingAsync(connecting, call.Caller.PrincipalArn, call.RequestId);
        return [];
    }

    private async Task FinishConnectingAsync(KmsCustomKeyStore store, string principal, string requestId)
    {
        try
        {
            var result = await context.Proxies.For(store).GetHealthStatusAsync("ConnectCustomKeyStore", requestId).ConfigureAwait(false);
            var failure = XksHealthCheck.Evaluate(result);
            string state = failure is null ? KeyStoreConnectionStates.Connected : KeyStoreConnectionStates.Failed;
            string? errorCode = failure is null ? null : XksFailureMapping.ConnectionErrorCodeOf(failure);
            context.Database.TrySetConnectionState(store.Id, KeyStoreConnectionStates.Connecting, store.Revision, state, errorCode);
            LogConnected(logger, store.Id, state, errorCode ?? "-", principal, requestId);
        }
        catch (Exception e) when (e is KmsException or ObjectDisposedException or InvalidOperationException)
        {
            // The emulator shut down, or the store's secret no longer opens: the attempt fails as KMS's would.
            LogConnectFailed(logger, store.Id, e.GetType().Name, requestId);
            TryMarkFailed(store);
        }
    }

    private void TryMarkFailed(KmsCustomKeyStore store)
    {
        try
        {
            context.Database.TrySetConnectionState(store.Id, KeyStoreConnectionStates.Connecting, store.Revision, KeyStoreConnectionStates.Failed, "INTERNAL_ERROR");
        }
        catch (ObjectDisposedException)
        {
            // Shutting down: the store stays CONNECTING in the database and can be disconnected after a restart.
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information,
        Message = "Custom key store {KeyStoreId} connection attempt: {State} {ConnectionErrorCode} (by {Principal}, request {RequestId})")]
    private static partial void LogConnected(ILogger logger, string keyStoreId, string state, string connectionErrorCode, string principal, string requestId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Custom key store {KeyStoreId} connection attempt failed: {Problem} (request {RequestId})")]
    private static partial void LogConnectFailed(ILogger logger, string keyStoreId, string problem, string requestId);
}
