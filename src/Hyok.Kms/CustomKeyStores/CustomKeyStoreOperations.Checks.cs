using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>The checks the custom key store operations share.</summary>
internal sealed partial class CustomKeyStoreOperations
{
    private KmsCustomKeyStore RequireStore(string id) =>
        context.Database.FindKeyStore(id) ?? throw new KmsException(KeyStoreErrors.NotFound(id));

    /// <summary>XksProxyUriInUseException / XksProxyUriEndpointInUseException (xks-spec.md §2.1).</summary>
    private void RequireUniqueProxyUri(XksProxyUse candidate)
    {
        var existing = context.Database.ListKeyStores(null, int.MaxValue)
            .Select(s => new XksProxyUse(s.Id, s.UriEndpoint, s.UriPath, s.Connectivity));
        if (XksProxyUniqueness.Check(candidate, existing) is { } inUse)
        {
            throw new KmsException(inUse);
        }
    }

    /// <summary>
    /// GetHealthStatus with values not stored yet, as CreateCustomKeyStore and UpdateCustomKeyStore do before saving
    /// (<c>kmsOperation</c> = the call's operation); a failure is the management exception of §6.4.
    /// </summary>
    private async Task CheckHealthAsync(string endpoint, string path, string accessKeyId, string secret, KmsCall call)
    {
        using var caller = context.Proxies.Create(endpoint, path, accessKeyId, secret);
        var result = await caller.GetHealthStatusAsync(call.Operation, call.RequestId, call.CancellationToken).ConfigureAwait(false);
        if (XksHealthCheck.Evaluate(result) is { } failure)
        {
            throw new KmsException(XksFailureMapping.ForKeyStoreManagement(failure));
        }
    }
}
