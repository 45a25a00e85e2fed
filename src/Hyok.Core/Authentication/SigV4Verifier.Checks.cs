using System.Buffers;
using System.Security.Cryptography;

namespace Hyok.Authentication;

/// <summary>The individual checks of <see cref="SigV4Verifier"/> (xks-spec.md §7.1).</summary>
public sealed partial class SigV4Verifier
{
    /// <summary>Region = the key store's, <c>X-Amz-Date</c> well formed, same day as the scope, within 5 minutes of now.</summary>
    private string? CheckScope(SigV4Authorization authorization, string amzDate, string region)
    {
        if (!authorization.Region.SequenceEqual(region))
        {
            return SigV4Failures.WrongRegion;
        }

        if (!SigV4Timestamp.TryParse(amzDate, out DateTimeOffset signedAt))
        {
            return SigV4Failures.MalformedDate;
        }

        if (!amzDate.AsSpan(0, 8).SequenceEqual(authorization.Date))
        {
            return SigV4Failures.DateMismatch;
        }

        TimeSpan skew = (time.GetUtcNow() - signedAt).Duration();
        return skew > SigV4Constants.MaxClockSkew ? SigV4Failures.ClockSkew : null;
    }

    /// <summary>The values of every header <c>SignedHeaders</c> lists, in its (sorted) order; null if one is absent.</summary>
    private static SigV4Header[]? CollectSignedHeaders(SigV4Request request, ReadOnlySpan<char> signedHeaders)
    {
        var headers = new SigV4Header[SigV4SignedHeaderNames.Count(signedHeaders)];
        int index = 0;
        foreach (Range range in signedHeaders.Split(';'))
        {
            string name = SigV4Constants.HeaderName(signedHeaders[range]);
            string? value = request.Header(name);
            if (value is null || value.Length > SigV4Constants.MaxHeaderValueLength)
            {
                return null;
            }

            headers[index++] = new SigV4Header(name, value);
        }

        return headers;
    }

    /// <summary>Recomputes the signature and compares it in constant time with the one sent.</summary>
    /// <remarks>
    /// <paramref name="region"/> is the key store's, which <see cref="CheckScope"/> found equal to the one signed; the
    /// signing key comes from <see cref="signingKeys"/> and is zeroed here after use.
    /// </remarks>
    private bool SignatureMatches(
        SigV4Request request, SigV4Header[] headers, string amzDate, ReadOnlySpan<char> date, string region, string secret,
        ReadOnlySpan<char> signatureHex, string service)
    {
        Span<byte> signingKey = stackalloc byte[32];
        Span<byte> expected = stackalloc byte[32];
        Span<byte> received = stackalloc byte[32];
        signingKeys.Get(secret, date, region, service, signingKey);
        SigV4Computation.SignWithKey(request.Method, request.Path, headers, request.Body.Span, amzDate, region, signingKey, expected, service);
        CryptographicOperations.ZeroMemory(signingKey);
        bool decoded = Convert.FromHexString(signatureHex, received, out _, out int written) == OperationStatus.Done && written == 32;
        bool matches = CryptographicOperations.FixedTimeEquals(expected, received) && decoded;
        CryptographicOperations.ZeroMemory(expected);
        return matches;
    }
}
