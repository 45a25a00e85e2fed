using System.Buffers;

namespace Hyok.Authentication;

/// <summary>
/// What a SigV4 signature must be scoped to: the service and region of its credential scope, and the set of
/// credentials whose secrets may have signed it. For XKS (xks-spec.md §7.1) the service is <c>kms-xks-proxy</c> and
/// the set is a logical key store; the KMS emulator verifies its callers with service <c>kms</c>.
/// </summary>
/// <param name="CredentialSet">Passed to <see cref="ICredentialLookup.FindSecret"/> as its key store name.</param>
/// <param name="Region">The region the credential scope must name.</param>
/// <param name="Service">The service the credential scope must name, e.g. <c>kms</c>.</param>
public sealed record SigV4Scope(string CredentialSet, string Region, string Service)
{
    /// <summary>The XKS service name, <c>kms-xks-proxy</c>.</summary>
    public const string XksService = SigV4Constants.Service;

    private static readonly SearchValues<char> AwsAccessKeyIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>XKS credentials follow xks-spec.md §7.2; other services accept AWS's 16-128 word characters.</summary>
    internal bool IsValidAccessKeyId(string accessKeyId) => Service == XksService
        ? CredentialFormat.IsValidAccessKeyId(accessKeyId)
        : accessKeyId.Length is >= 16 and <= 128 && !accessKeyId.AsSpan().ContainsAnyExcept(AwsAccessKeyIdChars);
}
