namespace Hyok.Kms.ExternalKeyStores;

/// <summary>An existing external key store's proxy address, for the uniqueness rules of <see cref="XksProxyUniqueness"/>.</summary>
/// <param name="CustomKeyStoreId">The key store (skipped when it is the one being updated).</param>
/// <param name="UriEndpoint">Its <c>XksProxyUriEndpoint</c>.</param>
/// <param name="UriPath">Its <c>XksProxyUriPath</c>.</param>
/// <param name="Connectivity"><c>PUBLIC_ENDPOINT</c> or <c>VPC_ENDPOINT_SERVICE</c>.</param>
public sealed record XksProxyUse(string CustomKeyStoreId, string UriEndpoint, string UriPath, string Connectivity);
