using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Authentication;

/// <summary>
/// Derives the SigV4 signing key
/// <c>HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), "kms-xks-proxy"), "aws4_request")</c>
/// (xks-spec.md §7.1). The secret is used as a UTF-8 string, never Base64-decoded (§7.2).
/// Every intermediate key buffer is zeroed.
/// </summary>
internal static class SigV4SigningKey
{
    private const int StackLimit = 256;

    /// <summary>Writes the 32-byte signing key for the scope <paramref name="date"/>/<paramref name="region"/>.</summary>
    public static void Derive(
        ReadOnlySpan<char> secret, ReadOnlySpan<char> date, ReadOnlySpan<char> region, Span<byte> destination, string service = SigV4Constants.Service)
    {
        int maxBytes = 4 + Encoding.UTF8.GetMaxByteCount(secret.Length);
        byte[]? rented = null;
        Span<byte> secretKey = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        Span<byte> first = stackalloc byte[32];
        Span<byte> second = stackalloc byte[32];
        try
        {
            "AWS4"u8.CopyTo(secretKey);
            int keyLength = 4 + Encoding.UTF8.GetBytes(secret, secretKey[4..]);
            HmacText(secretKey[..keyLength], date, first);
            HmacText(first, region, second);
            HmacText(second, service, first);
            HmacText(first, SigV4Constants.Terminator, destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretKey);
            CryptographicOperations.ZeroMemory(first);
            CryptographicOperations.ZeroMemory(second);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void HmacText(ReadOnlySpan<byte> key, ReadOnlySpan<char> text, Span<byte> destination)
    {
        int maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> data = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        int count = Encoding.UTF8.GetBytes(text, data);
        HMACSHA256.HashData(key, data[..count], destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
