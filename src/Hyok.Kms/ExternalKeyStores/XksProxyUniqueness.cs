using Hyok.Kms.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// The uniqueness rules of CreateCustomKeyStore / UpdateCustomKeyStore (xks-spec.md §2.1; KMS API reference):
/// endpoint + path unique in the account and Region (<c>XksProxyUriInUseException</c>); public-endpoint stores may share
/// an endpoint with different paths, but no store may share an endpoint with a VPC-endpoint-service store
/// (<c>XksProxyUriEndpointInUseException</c>). Host names compare case-insensitively, paths exactly.
/// </summary>
public static class XksProxyUniqueness
{
    public const string PublicEndpoint = "PUBLIC_ENDPOINT";
    public const string VpcEndpointService = "VPC_ENDPOINT_SERVICE";

    /// <summary>Null when <paramref name="candidate"/> may be used beside <paramref name="existing"/>, else the KMS error.</summary>
    public static KmsError? Check(XksProxyUse candidate, IEnumerable<XksProxyUse> existing)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        KmsError? endpointInUse = null;
        foreach (var other in existing.Where(o => o.CustomKeyStoreId != candidate.CustomKeyStoreId))
        {
            if (!string.Equals(other.UriEndpoint, candidate.UriEndpoint, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(other.UriPath, candidate.UriPath, StringComparison.Ordinal))
            {
                return new KmsError("XksProxyUriInUseException",
                    "The combination of XksProxyUriEndpoint and XksProxyUriPath is already associated with another external key store "
                    + $"({other.CustomKeyStoreId}) in this Region. Each external key store must use a unique proxy API address.");
            }

            if (other.Connectivity == VpcEndpointService || candidate.Connectivity == VpcEndpointService)
            {
                endpointInUse ??= new KmsError("XksProxyUriEndpointInUseException",
                    $"The XksProxyUriEndpoint is already associated with another external key store ({other.CustomKeyStoreId}) in this Region. "
                    + "An external key store with VPC_ENDPOINT_SERVICE connectivity cannot share its endpoint.");
            }
        }

        return endpointInUse;
    }
}
