using System.Security.Cryptography;

namespace Hyok.Authentication;

/// <summary>
/// Writes the SigV4 canonical request as KMS builds it (xks-spec.md §7.1): method, raw path, empty
/// query, <c>name:value</c> lines with trimmed values and sequential spaces collapsed, the
/// signed-header list, and the lower-case hex SHA-256 of the exact body bytes.
/// </summary>
internal static class SigV4CanonicalRequest
{
    public static void Write(
        ref SigV4TextBuffer text, scoped ReadOnlySpan<char> method, scoped ReadOnlySpan<char> path, scoped ReadOnlySpan<SigV4Header> headers, scoped ReadOnlySpan<byte> body)
    {
        text.Append(method);
        text.Append('\n');
        text.Append(path.IsEmpty ? "/" : path);
        text.Append("\n\n");
        foreach (SigV4Header header in headers)
        {
            text.Append(header.Name);
            text.Append(':');
            AppendCanonicalValue(ref text, header.Value);
            text.Append('\n');
        }

        text.Append('\n');
        for (int i = 0; i < headers.Length; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(headers[i].Name);
        }

        text.Append('\n');
        text.Append(PayloadHash(body, stackalloc char[64]));
    }

    /// <summary>The canonical request as a string (for tests and diagnostics; the hot path hashes the buffer).</summary>
    public static string Build(ReadOnlySpan<char> method, ReadOnlySpan<char> path, ReadOnlySpan<SigV4Header> headers, ReadOnlySpan<byte> body)
    {
        var text = new SigV4TextBuffer(512);
        try
        {
            Write(ref text, method, path, headers, body);
            return text.ToString();
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>Lower-case hex SHA-256 of <paramref name="body"/>, written into <paramref name="hex"/> (64 chars).</summary>
    public static ReadOnlySpan<char> PayloadHash(ReadOnlySpan<byte> body, Span<char> hex)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        Convert.TryToHexStringLower(hash, hex, out int written);
        return hex[..written];
    }

    /// <summary>Trims the value and collapses runs of spaces into one (xks-spec.md §7.1, canonical header rules).</summary>
    private static void AppendCanonicalValue(ref SigV4TextBuffer text, scoped ReadOnlySpan<char> value)
    {
        value = value.Trim(" \t");
        while (!value.IsEmpty)
        {
            int run = value.IndexOf("  ", StringComparison.Ordinal);
            if (run < 0)
            {
                text.Append(value);
                return;
            }

            text.Append(value[..(run + 1)]);
            value = value[(run + 1)..].TrimStart(' ');
        }
    }
}
