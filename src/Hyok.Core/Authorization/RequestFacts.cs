using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>
/// What is known about one XKS request when access is decided (xks-spec.md §3, §7.6): the logical key store
/// it came through, the XKS operation, the external key id (null for GetHealthStatus) and the request's
/// <c>requestMetadata</c>. Kill switches and secondary-authorization policies decide on these facts only.
/// </summary>
public sealed record RequestFacts(string KeyStore, XksOperationKind Operation, string? ExternalKeyId, RequestMetadata Metadata)
{
    public string? AwsPrincipalArn => Metadata.AwsPrincipalArn;

    public string? KmsOperation => Metadata.KmsOperation;

    public string? KmsKeyArn => Metadata.KmsKeyArn;

    public string? KmsViaService => Metadata.KmsViaService;

    public string? AwsSourceVpc => Metadata.AwsSourceVpc;

    public string? AwsSourceVpce => Metadata.AwsSourceVpce;
}
