namespace Hyok.Authentication;

/// <summary>Splitting the comma-separated <c>Name=Value</c> parts of the header (xks-spec.md §7.1).</summary>
internal readonly ref partial struct SigV4Authorization
{
    /// <summary>
    /// Exactly <c>Credential</c>, <c>SignedHeaders</c> and <c>Signature</c>, once each, in any order, with
    /// optional spaces around commas. Empty, unknown or repeated parts are malformed.
    /// </summary>
    private static string? SplitParts(
        ReadOnlySpan<char> parameters, out ReadOnlySpan<char> credential, out ReadOnlySpan<char> signedHeaders, out ReadOnlySpan<char> signature)
    {
        credential = signedHeaders = signature = default;
        bool seenCredential = false, seenSignedHeaders = false, seenSignature = false;
        foreach (Range range in parameters.Split(','))
        {
            ReadOnlySpan<char> part = parameters[range].Trim(' ');
            int equals = part.IndexOf('=');
            if (equals <= 0 || equals == part.Length - 1)
            {
                return SigV4Failures.MalformedAuthorization;
            }

            ReadOnlySpan<char> value = part[(equals + 1)..];
            bool duplicate = part[..equals] switch
            {
                "Credential" => Take(ref seenCredential, value, ref credential),
                "SignedHeaders" => Take(ref seenSignedHeaders, value, ref signedHeaders),
                "Signature" => Take(ref seenSignature, value, ref signature),
                _ => true,
            };
            if (duplicate)
            {
                return SigV4Failures.MalformedAuthorization;
            }
        }

        return seenCredential && seenSignedHeaders && seenSignature ? null : SigV4Failures.MalformedAuthorization;
    }

    /// <summary>Records a part; true when it was already seen (or the name is unknown).</summary>
    private static bool Take(ref bool seen, ReadOnlySpan<char> value, ref ReadOnlySpan<char> slot)
    {
        if (seen)
        {
            return true;
        }

        seen = true;
        slot = value;
        return false;
    }
}
