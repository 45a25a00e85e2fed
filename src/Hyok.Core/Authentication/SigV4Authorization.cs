using System.Buffers;

namespace Hyok.Authentication;

/// <summary>
/// The parsed <c>Authorization</c> header
/// <c>AWS4-HMAC-SHA256 Credential=AKID/yyyymmdd/region/kms-xks-proxy/aws4_request, SignedHeaders=..., Signature=hex64</c>
/// (xks-spec.md §7.1). Slices of the header; nothing is allocated. Each part must appear exactly once.
/// </summary>
internal readonly ref partial struct SigV4Authorization
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public ReadOnlySpan<char> AccessKeyId { get; init; }

    /// <summary>The scope date, <c>yyyyMMdd</c>.</summary>
    public ReadOnlySpan<char> Date { get; init; }

    public ReadOnlySpan<char> Region { get; init; }

    /// <summary>The <c>;</c>-separated list, already checked by <see cref="SigV4SignedHeaderNames.Validate"/>.</summary>
    public ReadOnlySpan<char> SignedHeaders { get; init; }

    /// <summary>64 lower-case hex characters.</summary>
    public ReadOnlySpan<char> Signature { get; init; }

    /// <summary>Parses and checks the header; returns a <see cref="SigV4Failures"/> message, or null on success.</summary>
    public static string? TryParse(ReadOnlySpan<char> header, out SigV4Authorization result) =>
        TryParse(header, SigV4Constants.Service, out result);

    /// <summary>As above, for a credential scope naming <paramref name="service"/>.</summary>
    public static string? TryParse(ReadOnlySpan<char> header, string service, out SigV4Authorization result)
    {
        result = default;
        if (header.Length > SigV4Constants.MaxAuthorizationLength || header.ContainsAnyExceptInRange((char)0x20, (char)0x7E))
        {
            return SigV4Failures.MalformedAuthorization;
        }

        if (!header.StartsWith(SigV4Constants.Algorithm + " ", StringComparison.Ordinal))
        {
            return SigV4Failures.UnsupportedAlgorithm;
        }

        if (SplitParts(header[(SigV4Constants.Algorithm.Length + 1)..], out var credential, out var signedHeaders, out var signature) is { } partsError)
        {
            return partsError;
        }

        if (SigV4CredentialScope.Validate(credential, service, out var accessKeyId, out var date, out var region) is { } scopeError)
        {
            return scopeError;
        }

        if (SigV4SignedHeaderNames.Validate(signedHeaders) is { } headersError)
        {
            return headersError;
        }

        if (signature.Length != 64 || signature.ContainsAnyExcept(LowerHex))
        {
            return SigV4Failures.MalformedSignature;
        }

        result = new SigV4Authorization
        {
            AccessKeyId = accessKeyId, Date = date, Region = region, SignedHeaders = signedHeaders, Signature = signature,
        };
        return null;
    }
}
