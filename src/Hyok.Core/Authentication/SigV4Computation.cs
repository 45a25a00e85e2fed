using System.Security.Cryptography;

namespace Hyok.Authentication;

/// <summary>
/// The one implementation of the SigV4 canonical request, string to sign and signature
/// (xks-spec.md §7.1), shared by <see cref="SigV4Signer"/> and <see cref="SigV4Verifier"/>.
/// </summary>
internal static class SigV4Computation
{
    /// <summary>Computes the 32-byte signature. <paramref name="headers"/> are sorted by name, names lower-case.</summary>
    public static void Sign(
        ReadOnlySpan<char> method, ReadOnlySpan<char> path, ReadOnlySpan<SigV4Header> headers, ReadOnlySpan<byte> body,
        ReadOnlySpan<char> amzDate, ReadOnlySpan<char> region, ReadOnlySpan<char> secret, Span<byte> signature) =>
        Sign(method, path, headers, body, amzDate, region, secret, signature, SigV4Constants.Service);

    /// <summary>As above, for the credential scope of <paramref name="service"/>.</summary>
    public static void Sign(
        ReadOnlySpan<char> method, ReadOnlySpan<char> path, ReadOnlySpan<SigV4Header> headers, ReadOnlySpan<byte> body,
        ReadOnlySpan<char> amzDate, ReadOnlySpan<char> region, ReadOnlySpan<char> secret, Span<byte> signature, string service)
    {
        Span<byte> signingKey = stackalloc byte[32];
        try
        {
            SigV4SigningKey.Derive(secret, amzDate[..8], region, signingKey, service);
            SignWithKey(method, path, headers, body, amzDate, region, signingKey, signature, service);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(signingKey);
        }
    }

    /// <summary>As above, with the signing key of the scope already derived (<see cref="SigV4SigningKeyCache"/>).</summary>
    public static void SignWithKey(
        ReadOnlySpan<char> method, ReadOnlySpan<char> path, ReadOnlySpan<SigV4Header> headers, ReadOnlySpan<byte> body,
        ReadOnlySpan<char> amzDate, ReadOnlySpan<char> region, ReadOnlySpan<byte> signingKey, Span<byte> signature, string service)
    {
        Span<byte> hash = stackalloc byte[32];
        var text = new SigV4TextBuffer(512);
        try
        {
            SigV4CanonicalRequest.Write(ref text, method, path, headers, body);
            text.Sha256(hash);
            text.Clear();
            WriteStringToSign(ref text, amzDate, region, hash, service);
            text.HmacSha256(signingKey, signature);
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>
    /// <c>AWS4-HMAC-SHA256\n&lt;X-Amz-Date&gt;\n&lt;date&gt;/&lt;region&gt;/kms-xks-proxy/aws4_request\n&lt;hex sha256(canonical request)&gt;</c>.
    /// </summary>
    internal static void WriteStringToSign(
        ref SigV4TextBuffer text, scoped ReadOnlySpan<char> amzDate, scoped ReadOnlySpan<char> region, scoped ReadOnlySpan<byte> canonicalRequestHash,
        string service = SigV4Constants.Service)
    {
        Span<char> hex = stackalloc char[64];
        Convert.TryToHexStringLower(canonicalRequestHash, hex, out _);
        text.Append(SigV4Constants.Algorithm);
        text.Append('\n');
        text.Append(amzDate);
        text.Append('\n');
        text.Append(amzDate[..8]);
        text.Append('/');
        text.Append(region);
        text.Append('/');
        text.Append(service);
        text.Append("/" + SigV4Constants.Terminator + "\n");
        text.Append(hex);
    }
}
