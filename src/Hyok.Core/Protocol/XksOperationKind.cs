namespace Hyok.Protocol;

/// <summary>The four operations of XKS Proxy API v1 (xks-spec.md §2.2).</summary>
public enum XksOperationKind
{
    GetHealthStatus,
    GetKeyMetadata,
    Encrypt,
    Decrypt,
}
