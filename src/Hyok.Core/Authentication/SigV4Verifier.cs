using Hyok.KeyStores;
using Hyok.Protocol;

namespace Hyok.Authentication;

/// <summary>
/// Verifies the SigV4 signature of an incoming XKS request against the credentials of ONE logical key
/// store (xks-spec.md §7.1, §7.3, §6.3 step 3). Every failure, including any garbage input, is an
/// <see cref="XksErrorCode.AuthenticationFailedException"/> value with a fixed safe message.
/// </summary>
public sealed partial class SigV4Verifier
{
    private readonly ICredentialLookup credentials;
    private readonly TimeProvider time;
    private readonly SigV4SigningKeyCache signingKeys = new();

    public SigV4Verifier(ICredentialLookup credentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        this.credentials = credentials;
        this.time = time;
    }

    /// <summary>Checks the request; on success the principal is the access key id that signed it.</summary>
    public XksResult<SigV4Principal> Verify(SigV4Request request, LogicalKeyStore keyStore)
    {
        ArgumentNullException.ThrowIfNull(keyStore);
        return Verify(request, new SigV4Scope(keyStore.Name, keyStore.Region, SigV4Constants.Service));
    }

    /// <summary>
    /// Checks a request signed for <paramref name="scope"/>'s service and region (e.g. <c>kms</c> for the KMS emulator)
    /// against the credentials of <see cref="SigV4Scope.CredentialSet"/>. The failure message is one of <see cref="SigV4Failures"/>.
    /// </summary>
    public XksResult<SigV4Principal> Verify(SigV4Request request, SigV4Scope scope)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);

        string? header = request.Header(SigV4Constants.AuthorizationHeader);
        if (header is null)
        {
            return Fail(SigV4Failures.MissingAuthorization);
        }

        if (SigV4Authorization.TryParse(header, scope.Service, out var authorization) is { } parseError)
        {
            return Fail(parseError);
        }

        string amzDate = request.Header(SigV4Constants.DateHeader) ?? string.Empty;
        if (CheckScope(authorization, amzDate, scope.Region) is { } scopeError)
        {
            return Fail(scopeError);
        }

        string accessKeyId = new(authorization.AccessKeyId);
        if (!scope.IsValidAccessKeyId(accessKeyId))
        {
            return Fail(SigV4Failures.InvalidAccessKeyId);
        }

        SigV4Header[]? headers = CollectSignedHeaders(request, authorization.SignedHeaders);
        if (headers is null)
        {
            return Fail(SigV4Failures.SignedHeaderMissing);
        }

        string? secret = credentials.FindSecret(scope.CredentialSet, accessKeyId);
        if (secret is null)
        {
            return Fail(SigV4Failures.UnknownAccessKeyId);
        }

        return SignatureMatches(request, headers, amzDate, authorization.Date, scope.Region, secret, authorization.Signature, scope.Service)
            ? new SigV4Principal(accessKeyId)
            : Fail(SigV4Failures.SignatureMismatch);
    }

    private static XksError Fail(string message) => new(XksErrorCode.AuthenticationFailedException, message);
}
