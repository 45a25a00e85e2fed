using System.Buffers;

namespace Hyok.Authentication;

/// <summary>
/// Checks the <c>Credential</c> value <c>AKID/yyyymmdd/region/kms-xks-proxy/aws4_request</c>
/// (xks-spec.md §7.1): five non-empty parts, an eight-digit date, a plausible region name, the
/// <c>kms-xks-proxy</c> service and the <c>aws4_request</c> terminator.
/// </summary>
internal static class SigV4CredentialScope
{
    private const int MaxRegionLength = 32;

    private static readonly SearchValues<char> RegionChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>Returns a <see cref="SigV4Failures"/> message, or null when the scope is well formed.</summary>
    public static string? Validate(
        ReadOnlySpan<char> credential, out ReadOnlySpan<char> accessKeyId, out ReadOnlySpan<char> date, out ReadOnlySpan<char> region) =>
        Validate(credential, SigV4Constants.Service, out accessKeyId, out date, out region);

    /// <summary>As above, for the credential scope of <paramref name="service"/> (e.g. <c>kms</c> for the KMS emulator).</summary>
    public static string? Validate(
        ReadOnlySpan<char> credential, string service, out ReadOnlySpan<char> accessKeyId, out ReadOnlySpan<char> date, out ReadOnlySpan<char> region)
    {
        accessKeyId = date = region = default;
        Span<Range> parts = stackalloc Range[6];
        if (credential.Split(parts, '/') != 5)
        {
            return SigV4Failures.MalformedCredential;
        }

        accessKeyId = credential[parts[0]];
        date = credential[parts[1]];
        region = credential[parts[2]];
        if (accessKeyId.IsEmpty
            || date.Length != 8 || date.ContainsAnyExceptInRange('0', '9')
            || region.IsEmpty || region.Length > MaxRegionLength || region.ContainsAnyExcept(RegionChars))
        {
            return SigV4Failures.MalformedCredential;
        }

        if (!credential[parts[3]].SequenceEqual(service))
        {
            return SigV4Failures.WrongService;
        }

        return credential[parts[4]].SequenceEqual(SigV4Constants.Terminator) ? null : SigV4Failures.WrongTerminator;
    }
}
