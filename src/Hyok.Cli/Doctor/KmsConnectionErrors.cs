namespace Hyok.Cli.Doctor;

/// <summary>What to do about each ConnectCustomKeyStore <c>ConnectionErrorCode</c> (xks-spec.md §10.3) a proxy call would cause.</summary>
internal static class KmsConnectionErrors
{
    public static string FixFor(string connectionErrorCode) => connectionErrorCode switch
    {
        "INVALID_CREDENTIALS" =>
            "Give KMS the access key id and secret the proxy holds for this path prefix (hyok credentials list/add), signed for the key store's Region (--region); check the proxy's clock.",
        "XKS_PROXY_ACCESS_DENIED" => "The proxy refused KMS: GetHealthStatus must be exempt from secondary authorization (xks-spec.md §7.6).",
        "XKS_PROXY_INVALID_CONFIGURATION" => "The proxy serves no key store at this path: set XksProxyUriPath (--prefix) to the key store's path prefix + /kms/xks/v1.",
        "XKS_PROXY_INVALID_TLS_CONFIGURATION" => "Serve a publicly trusted certificate for the endpoint's name, with its chain, over TLS 1.2/1.3 (xks-spec.md §8).",
        "XKS_PROXY_NOT_REACHABLE" => "Start the proxy and open TCP 443 to it over IPv4; if it answers, at least one external key manager must not be UNAVAILABLE.",
        "XKS_PROXY_TIMED_OUT" => "KMS allows 250 ms per call, TCP and TLS included (xks-spec.md §9): put the proxy near the KMS Region and make its key manager answer fast.",
        "XKS_PROXY_INVALID_RESPONSE" =>
            "Something other than an XKS proxy answers, or the answer breaks xks-spec.md §4.4/§6.1: check what listens on this endpoint and path (load balancer, another service).",
        _ => "See the proxy's log for this request.",
    };
}
