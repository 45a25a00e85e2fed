using Hyok.Authentication;

namespace Hyok.Kms.Protocol;

/// <summary>
/// The errors AWS answers for a request that is not properly signed (AWS "Common Errors"): no signature →
/// <c>MissingAuthenticationTokenException</c>; unknown access key id → <c>UnrecognizedClientException</c>;
/// a malformed <c>Authorization</c> header → <c>IncompleteSignatureException</c>; anything else, including a wrong
/// secret, wrong region or service and clock skew → <c>InvalidSignatureException</c>. All HTTP 400.
/// </summary>
internal static class AuthenticationErrors
{
    public static KmsError From(string sigV4Failure) => sigV4Failure switch
    {
        SigV4Failures.MissingAuthorization => new("MissingAuthenticationTokenException", "Missing Authentication Token"),
        SigV4Failures.UnknownAccessKeyId or SigV4Failures.InvalidAccessKeyId =>
            new("UnrecognizedClientException", "The security token included in the request is invalid."),
        SigV4Failures.MalformedAuthorization or SigV4Failures.UnsupportedAlgorithm or SigV4Failures.MalformedCredential
            or SigV4Failures.MalformedSignedHeaders or SigV4Failures.SignedHeadersIncomplete or SigV4Failures.MalformedSignature =>
            new("IncompleteSignatureException", sigV4Failure),
        SigV4Failures.ClockSkew => new("InvalidSignatureException", "Signature expired: the request timestamp is more than 5 minutes from the server time."),
        SigV4Failures.WrongRegion => new("InvalidSignatureException", "Credential should be scoped to the emulator's region."),
        SigV4Failures.WrongService => new("InvalidSignatureException", "Credential should be scoped to correct service: 'kms'."),
        _ => new(
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."),
    };
}
