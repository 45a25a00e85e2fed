namespace Hyok.KeyStores;

/// <summary>
/// One logical external key store: a URI path prefix with its own SigV4 region, credentials and keys
/// (xks-spec.md §2.1: "one path prefix = one logical external key store").
/// </summary>
/// <param name="Name">Short name used by the CLI and in the database (<c>a-z A-Z 0-9 - _</c>).</param>
/// <param name="PathPrefix">Empty, or starting with <c>/</c>; the API lives under <c>{PathPrefix}/kms/xks/v1</c>.</param>
/// <param name="Region">The AWS Region KMS signs with (credential scope).</param>
public sealed record LogicalKeyStore(string Name, string PathPrefix, string Region)
{
    /// <summary>The <c>XksProxyUriPath</c> to configure in KMS.</summary>
    public string UriPath => PathPrefix + "/kms/xks/v1";
}
