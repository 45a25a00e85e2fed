using System.Buffers;

namespace Hyok.Protocol;

/// <summary>
/// Standard Base64 with padding only (RFC 4648 §4, xks-spec.md §1): no whitespace, no URL-safe alphabet.
/// <see cref="Convert.FromBase64String"/> alone would accept embedded whitespace.
/// </summary>
public static class StrictBase64
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    public static bool TryDecode(string value, out byte[] bytes)
    {
        bytes = [];
        if (value.Length % 4 != 0)
        {
            return false;
        }

        var body = value.AsSpan().TrimEnd('=');
        if (value.Length - body.Length > 2 || body.ContainsAnyExcept(Alphabet))
        {
            return false;
        }

        // The exact decoded length, so the result is the buffer itself (no copy to trim the padding's bytes).
        var buffer = new byte[(value.Length / 4 * 3) - (value.Length - body.Length)];
        if (!Convert.TryFromBase64String(value, buffer, out var written) || written != buffer.Length)
        {
            return false;
        }

        bytes = buffer;
        return true;
    }

    /// <summary>Decoded length of a well-formed Base64 string, computed without decoding.</summary>
    public static int DecodedLength(string value) =>
        value.Length / 4 * 3 - (value.EndsWith("==", StringComparison.Ordinal) ? 2 : value.EndsWith('=') ? 1 : 0);
}
