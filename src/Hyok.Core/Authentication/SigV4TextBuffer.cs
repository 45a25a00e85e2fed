using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Authentication;

/// <summary>
/// A pooled, growable text buffer for the canonical request and string to sign (xks-spec.md §7.1),
/// hashed as UTF-8 without building intermediate strings. Dispose to return the arrays.
/// </summary>
internal ref struct SigV4TextBuffer
{
    private char[] chars;
    private int length;

    public SigV4TextBuffer(int capacity) => chars = ArrayPool<char>.Shared.Rent(capacity);

    public readonly ReadOnlySpan<char> Written => chars.AsSpan(0, length);

    public void Append(char value)
    {
        Grow(1);
        chars[length++] = value;
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        Grow(value.Length);
        value.CopyTo(chars.AsSpan(length));
        length += value.Length;
    }

    public void Clear() => length = 0;

    /// <summary>SHA-256 of the UTF-8 bytes of the text.</summary>
    public readonly void Sha256(Span<byte> destination) => HashUtf8(default, useHmac: false, destination);

    /// <summary>HMAC-SHA256 of the UTF-8 bytes of the text under <paramref name="key"/>.</summary>
    public readonly void HmacSha256(scoped ReadOnlySpan<byte> key, Span<byte> destination) =>
        HashUtf8(key, useHmac: true, destination);

    public readonly override string ToString() => new(Written);

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(chars);
        chars = [];
        length = 0;
    }

    private readonly void HashUtf8(scoped ReadOnlySpan<byte> key, bool useHmac, Span<byte> destination)
    {
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        int count = Encoding.UTF8.GetBytes(Written, utf8);
        _ = useHmac
            ? HMACSHA256.HashData(key, utf8.AsSpan(0, count), destination)
            : SHA256.HashData(utf8.AsSpan(0, count), destination);
        ArrayPool<byte>.Shared.Return(utf8);
    }

    private void Grow(int extra)
    {
        if (length + extra <= chars.Length)
        {
            return;
        }

        char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(chars.Length * 2, length + extra));
        Written.CopyTo(bigger);
        ArrayPool<char>.Shared.Return(chars);
        chars = bigger;
    }
}
