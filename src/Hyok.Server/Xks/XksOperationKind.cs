namespace Hyok.Server.Xks;

/// <summary>The four operations of XKS Proxy API v1 (xks-spec.md §2.2).</summary>
internal enum XksOperationKind
{
    GetHealthStatus,
    GetKeyMetadata,
    Encrypt,
    Decrypt,
}
