using System.Buffers;

namespace Hyok.Authentication;

/// <summary>
/// Checks the <c>SignedHeaders</c> list (xks-spec.md §7.1): <c>;</c>-separated lower-case header names,
/// strictly sorted (so no duplicates), including <c>host</c> and <c>x-amz-date</c>.
/// </summary>
internal static class SigV4SignedHeaderNames
{
    private static readonly SearchValues<char> LowerTokenChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~");

    /// <summary>Returns a <see cref="SigV4Failures"/> message, or null when the list is well formed.</summary>
    public static string? Validate(ReadOnlySpan<char> signedHeaders)
    {
        ReadOnlySpan<char> previous = default;
        int count = 0;
        bool hasHost = false, hasDate = false;
        foreach (Range range in signedHeaders.Split(';'))
        {
            ReadOnlySpan<char> name = signedHeaders[range];
            if (name.IsEmpty || name.ContainsAnyExcept(LowerTokenChars) || ++count > SigV4Constants.MaxSignedHeaders
                || (count > 1 && name.SequenceCompareTo(previous) <= 0))
            {
                return SigV4Failures.MalformedSignedHeaders;
            }

            hasHost |= name.SequenceEqual(SigV4Constants.HostHeader);
            hasDate |= name.SequenceEqual(SigV4Constants.DateHeader);
            previous = name;
        }

        return hasHost && hasDate ? null : SigV4Failures.SignedHeadersIncomplete;
    }

    /// <summary>The number of names in an already validated list.</summary>
    public static int Count(ReadOnlySpan<char> signedHeaders) => signedHeaders.Count(';') + 1;
}
