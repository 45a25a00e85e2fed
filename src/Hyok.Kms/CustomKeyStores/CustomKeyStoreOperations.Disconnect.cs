using System.Text.Json.Nodes;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// DisconnectCustomKeyStore: valid in every state (the API lists no state it refuses). CONNECTED, CONNECTING and FAILED
/// stores become DISCONNECTED at once — the emulator has no VPC endpoint to tear down, so DISCONNECTING is never
/// observable — the ConnectionErrorCode is cleared, a connection attempt still running is abandoned, and no further
/// request goes to the proxy (its cached caller is dropped). Disconnecting a DISCONNECTED store succeeds and changes nothing.
/// </summary>
internal sealed partial class CustomKeyStoreOperations
{
    private JsonObject Disconnect(KmsCall call)
    {
        string id = call.Request.RequiredString("CustomKeyStoreId", 64);
        for (int attempt = 1; ; attempt++)
        {
            // A connection attempt may finish between the read and the write: read again and retry.
            var store = RequireStore(id);
            if (store.ConnectionState == KeyStoreConnectionStates.Disconnected)
            {
                return [];
            }

            if (context.Database.TrySetDisconnected(store.Id, store.ConnectionState, store.Revision))
            {
                context.Proxies.Forget(store.Id);
                LogDisconnected(logger, store.Id, store.ConnectionState, call.Caller.PrincipalArn, call.RequestId);
                return [];
            }

            if (attempt == 3)
            {
                throw new KmsException(KeyStoreErrors.InvalidState($"Custom key store '{id}' is changing. Try again."));
            }
        }
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information,
        Message = "Custom key store {KeyStoreId} disconnected (was {PreviousState}; by {Principal}, request {RequestId})")]
    private static partial void LogDisconnected(ILogger logger, string keyStoreId, string previousState, string principal, string requestId);
}
