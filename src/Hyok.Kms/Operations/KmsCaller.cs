namespace Hyok.Kms.Operations;

/// <summary>The caller proven by SigV4: its access key id and the principal ARN configured for it (what XKS requestMetadata carries as awsPrincipalArn).</summary>
public sealed record KmsCaller(string AccessKeyId, string PrincipalArn);
