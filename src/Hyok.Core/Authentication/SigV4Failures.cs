namespace Hyok.Authentication;

/// <summary>
/// The <c>errorMessage</c> texts of <c>AuthenticationFailedException</c> (xks-spec.md §6.1, §7.1):
/// fixed printable ASCII under 512 characters that never echo request data, signatures or secrets.
/// </summary>
public static class SigV4Failures
{
    public const string MissingAuthorization = "The Authorization header is missing.";
    public const string MalformedAuthorization = "The Authorization header is malformed.";
    public const string UnsupportedAlgorithm = "The Authorization header must use AWS4-HMAC-SHA256.";
    public const string MalformedCredential = "The Authorization credential scope is malformed.";
    public const string WrongService = "The credential scope must name the kms-xks-proxy service.";
    public const string WrongTerminator = "The credential scope must end with aws4_request.";
    public const string WrongRegion = "The credential scope region does not match this key store.";
    public const string InvalidAccessKeyId = "The access key id is not in the XKS credential format.";
    public const string UnknownAccessKeyId = "The access key id is not known for this key store.";
    public const string MalformedSignedHeaders = "SignedHeaders must be lower-case header names, sorted and without duplicates.";
    public const string SignedHeadersIncomplete = "SignedHeaders must include host and x-amz-date.";
    public const string SignedHeaderMissing = "A header listed in SignedHeaders is missing from the request.";
    public const string MalformedSignature = "The signature must be 64 lower-case hexadecimal characters.";
    public const string MalformedDate = "The X-Amz-Date header is missing or not in the format yyyyMMddTHHmmssZ.";
    public const string DateMismatch = "The X-Amz-Date date does not match the credential scope date.";
    public const string ClockSkew = "Request timestamp is outside the allowed 5 minute window.";
    public const string SignatureMismatch = "The request signature does not match.";
}
