using System.Text.Json.Nodes;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;
using Hyok.Kms.Storage;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// UpdateCustomKeyStore for an external key store (xks-spec.md §10.2; KMS API reference): the name, the credential and
/// the path may change while the store is CONNECTED or DISCONNECTED; the endpoint, the connectivity and the VPC endpoint
/// service name only while it is DISCONNECTED (any other state: CustomKeyStoreInvalidStateException). New proxy values
/// are checked for format, for uniqueness, and with a GetHealthStatus call (<c>kmsOperation=UpdateCustomKeyStore</c>)
/// before anything is saved; a failed check leaves the store as it was. The revision grows, so the store's cached proxy
/// caller is rebuilt with the new values.
/// </summary>
internal sealed partial class CustomKeyStoreOperations
{
    private async ValueTask<JsonObject> UpdateAsync(KmsCall call)
    {
        var input = KeyStoreUpdateInput.Parse(call.Request);
        var store = RequireStore(input.Id);
        RequireUpdatableState(store, input);
        string connectivity = input.Connectivity ?? store.Connectivity;
        var updated = store with
        {
            Name = input.NewName ?? store.Name,
            Connectivity = connectivity,
            UriEndpoint = input.UriEndpoint ?? store.UriEndpoint,
            UriPath = input.UriPath ?? store.UriPath,
            AccessKeyId = input.AccessKeyId ?? store.AccessKeyId,
            VpcEndpointServiceName = VpcEndpointServiceAfter(store, input, connectivity),
            Revision = store.Revision + 1,
        };
        if (updated.Name != store.Name && context.Database.FindKeyStoreByName(updated.Name) is not null)
        {
            throw new KmsException(KeyStoreErrors.NameInUse(updated.Name));
        }

        if (input.ChangesProxy)
        {
            RequireUniqueProxyUri(new XksProxyUse(store.Id, updated.UriEndpoint, updated.UriPath, updated.Connectivity));
            string secret = input.Secret ?? context.Database.OpenKeyStoreSecret(store.Id) ?? throw new KmsException(KmsErrors.Internal());
            await CheckHealthAsync(updated.UriEndpoint, updated.UriPath, updated.AccessKeyId, secret, call).ConfigureAwait(false);
        }

        switch (context.Database.TryUpdateKeyStore(updated, store.ConnectionState, store.Revision, input.Secret))
        {
            case KeyStoreWrite.NameInUse:
                throw new KmsException(KeyStoreErrors.NameInUse(updated.Name));
            case KeyStoreWrite.Done:
                LogUpdated(logger, store.Id, store.Revision + 1, input.ChangesProxy, input.Secret is not null, call.Caller.PrincipalArn, call.RequestId);
                return [];
            default:
                throw new KmsException(KeyStoreErrors.InvalidState($"Custom key store '{store.Id}' changed during the request. Try again."));
        }
    }

    private static void RequireUpdatableState(KmsCustomKeyStore store, KeyStoreUpdateInput input)
    {
        if (store.ConnectionState == KeyStoreConnectionStates.Disconnected
            || (store.ConnectionState == KeyStoreConnectionStates.Connected && !input.NeedsDisconnected))
        {
            return;
        }

        throw new KmsException(KeyStoreErrors.InvalidState(input.NeedsDisconnected
            ? $"Custom key store '{store.Id}' is {store.ConnectionState}. Disconnect it before changing XksProxyUriEndpoint, XksProxyConnectivity or XksProxyVpcEndpointServiceName."
            : $"Custom key store '{store.Id}' is {store.ConnectionState}. It can be updated only when it is CONNECTED or DISCONNECTED."));
    }

    /// <summary>The VPC endpoint service name after the update: required for VPC_ENDPOINT_SERVICE connectivity, refused for PUBLIC_ENDPOINT.</summary>
    private static string? VpcEndpointServiceAfter(KmsCustomKeyStore store, KeyStoreUpdateInput input, string connectivity)
    {
        if (connectivity == XksProxyUniqueness.PublicEndpoint)
        {
            return input.VpcEndpointServiceName is null
                ? null
                : throw new KmsException(KmsErrors.Validation(
                    "XksProxyVpcEndpointServiceName is valid only when XksProxyConnectivity is VPC_ENDPOINT_SERVICE."));
        }

        return input.VpcEndpointServiceName ?? store.VpcEndpointServiceName ?? throw new KmsException(KmsErrors.Validation(
            "XksProxyVpcEndpointServiceName is required for a custom key store with VPC_ENDPOINT_SERVICE connectivity."));
    }

    [LoggerMessage(EventId = 5120, Level = LogLevel.Information,
        Message = "Custom key store {KeyStoreId} updated to revision {Revision} (proxy settings changed: {ProxyChanged}, credential changed: {CredentialChanged}; by {Principal}, request {RequestId})")]
    private static partial void LogUpdated(ILogger logger, string keyStoreId, long revision, bool proxyChanged, bool credentialChanged, string principal, string requestId);
}
