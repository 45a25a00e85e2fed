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
    private readonly KeyStoreConnector _connector = new(context, logger);

    public void Register(KmsOperations operations)
    {
        operations.Add("CreateCustomKeyStore", CreateAsync);
        operations.Add("ConnectCustomKeyStore", call => ValueTask.FromResult(Connect(call)));
        operations.Add("DisconnectCustomKeyStore", call => ValueTask.FromResult(Disconnect(call)));
        operations.Add("UpdateCustomKeyStore", UpdateAsync);
        operations.Add("DeleteCustomKeyStore", call => ValueTask.FromResult(Delete(call)));
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

        _connector.Begin(connecting, call.Caller.PrincipalArn, call.RequestId);
        LogConnecting(logger, store.Id, call.Caller.PrincipalArn, call.RequestId);
        return [];
    }

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Custom key store {KeyStoreId} is CONNECTING (by {Principal}, request {RequestId})")]
    private static partial void LogConnecting(ILogger logger, string keyStoreId, string principal, string requestId);
}
