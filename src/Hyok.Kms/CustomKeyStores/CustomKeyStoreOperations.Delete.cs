using System.Text.Json.Nodes;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;
using Hyok.Kms.Storage;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// DeleteCustomKeyStore: only a DISCONNECTED store (else CustomKeyStoreInvalidStateException) without KMS keys (else
/// CustomKeyStoreHasCMKsException; keys pending deletion count until their deletion date has passed). The proxy is not
/// called and nothing changes on it; the store's cached proxy caller is dropped.
/// </summary>
internal sealed partial class CustomKeyStoreOperations
{
    private JsonObject Delete(KmsCall call)
    {
        string id = call.Request.RequiredString("CustomKeyStoreId", 64);
        switch (context.Database.TryDeleteKeyStore(id, context.Time.GetUtcNow()))
        {
            case KeyStoreWrite.Done:
                context.Proxies.Forget(id);
                LogDeleted(logger, id, call.Caller.PrincipalArn, call.RequestId);
                return [];
            case KeyStoreWrite.NotFound:
                throw new KmsException(KeyStoreErrors.NotFound(id));
            case KeyStoreWrite.HasKeys:
                throw new KmsException(KeyStoreErrors.HasKeys(id));
            default:
                var state = context.Database.FindKeyStore(id)?.ConnectionState ?? KeyStoreConnectionStates.Disconnected;
                throw new KmsException(KeyStoreErrors.InvalidState(
                    $"Custom key store '{id}' is {state}. Disconnect it before deleting it."));
        }
    }

    [LoggerMessage(EventId = 5130, Level = LogLevel.Information, Message = "Custom key store {KeyStoreId} deleted (by {Principal}, request {RequestId})")]
    private static partial void LogDeleted(ILogger logger, string keyStoreId, string principal, string requestId);
}
