namespace Hyok.Authorization;

/// <summary>
/// The request facts a policy rule can match on: the <c>requestMetadata</c> fields of xks-spec.md §3.1, the
/// external key id (§2.3) and the XKS operation (§2.2). <see cref="PolicyFields"/> maps them to their names
/// in a policy file and reads them from <see cref="RequestFacts"/>.
/// </summary>
public enum PolicyField
{
    AwsPrincipalArn,
    KmsOperation,
    KmsKeyArn,
    KmsViaService,
    AwsSourceVpc,
    AwsSourceVpce,
    ExternalKeyId,
    XksOperation,
}
