namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// One custom key store of type EXTERNAL_KEY_STORE as the emulator stores it (without the credential's secret, which
/// stays sealed in the database). <see cref="Revision"/> grows with every change of the proxy settings, so a cached
/// proxy caller knows when it is stale.
/// </summary>
/// <param name="Id">The API's <c>CustomKeyStoreId</c>: <c>cks-</c> and 17 hex digits.</param>
/// <param name="Name">The unique <c>CustomKeyStoreName</c>.</param>
/// <param name="ConnectionState">One of <see cref="KeyStoreConnectionStates"/>.</param>
/// <param name="ConnectionErrorCode">Why the last connection attempt failed (xks-spec.md §10.3), or null.</param>
/// <param name="CreationDate">When CreateCustomKeyStore stored it.</param>
/// <param name="UriEndpoint"><c>XksProxyUriEndpoint</c>.</param>
/// <param name="UriPath"><c>XksProxyUriPath</c>.</param>
/// <param name="Connectivity"><c>PUBLIC_ENDPOINT</c> (the only kind the emulator can reach) or <c>VPC_ENDPOINT_SERVICE</c>.</param>
/// <param name="AccessKeyId">The proxy authentication credential's access key id.</param>
/// <param name="VpcEndpointServiceName">Kept and described for VPC_ENDPOINT_SERVICE stores; null for public ones.</param>
/// <param name="Revision">1 at creation; +1 on every UpdateCustomKeyStore.</param>
public sealed record KmsCustomKeyStore(
    string Id,
    string Name,
    string ConnectionState,
    string? ConnectionErrorCode,
    DateTimeOffset CreationDate,
    string UriEndpoint,
    string UriPath,
    string Connectivity,
    string AccessKeyId,
    string? VpcEndpointServiceName,
    long Revision)
{
    public const string Type = "EXTERNAL_KEY_STORE";

    public bool IsConnected => ConnectionState == KeyStoreConnectionStates.Connected;
}
