using System.Globalization;

namespace Hyok.Authentication;

/// <summary>
/// Signs a request exactly as KMS does towards an XKS proxy (xks-spec.md §7.1): AWS4-HMAC-SHA256,
/// service <c>kms-xks-proxy</c>, canonical URI = raw path, empty query, signed headers
/// <c>host;x-amz-date</c> (plus any extra ones given), payload hash over the exact body bytes.
/// </summary>
public static class SigV4Signer
{
    /// <summary>Computes the <c>Authorization</c> and <c>X-Amz-Date</c> header values.</summary>
    /// <param name="method">HTTP method, normally <c>POST</c>.</param>
    /// <param name="path">The raw request path as sent on the wire, e.g. <c>/prefix/kms/xks/v1/health</c>.</param>
    /// <param name="host">The <c>Host</c> header exactly as sent: <c>host[:port]</c>, port only when not the default.</param>
    /// <param name="body">The exact body bytes sent.</param>
    /// <param name="timestamp">The signing instant; formatted in UTC.</param>
    /// <param name="region">The Region of the credential scope.</param>
    /// <param name="accessKeyId">The access key id (xks-spec.md §7.2).</param>
    /// <param name="secret">The secret access key, used as a UTF-8 string.</param>
    /// <param name="extraSignedHeaders">Further headers to sign (sent by the caller with the same values).</param>
    /// <param name="service">The service of the credential scope; only the conformance tester's negative checks sign for another one.</param>
    public static SigV4Signature Sign(
        string method, string path, string host, ReadOnlySpan<byte> body, DateTimeOffset timestamp,
        string region, string accessKeyId, string secret, IEnumerable<KeyValuePair<string, string>>? extraSignedHeaders = null,
        string service = SigV4Constants.Service)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentException.ThrowIfNullOrEmpty(service);

        string amzDate = SigV4Timestamp.Format(timestamp);
        SigV4Header[] headers = CollectHeaders(host, amzDate, extraSignedHeaders);
        Span<byte> signature = stackalloc byte[32];
        SigV4Computation.Sign(method, path, headers, body, amzDate, region, secret, signature, service);

        string scope = string.Join('/', accessKeyId, amzDate[..8], region, service, SigV4Constants.Terminator);
        string signedHeaders = string.Join(';', headers.Select(header => header.Name));
        string authorization = string.Create(
            CultureInfo.InvariantCulture,
            $"{SigV4Constants.Algorithm} Credential={scope}, SignedHeaders={signedHeaders}, Signature={Convert.ToHexStringLower(signature)}");
        return new SigV4Signature(authorization, amzDate);
    }

    private static SigV4Header[] CollectHeaders(string host, string amzDate, IEnumerable<KeyValuePair<string, string>>? extra)
    {
        var headers = new List<SigV4Header> { new(SigV4Constants.HostHeader, host), new(SigV4Constants.DateHeader, amzDate) };
        foreach ((string name, string value) in extra ?? [])
        {
            string lower = name.Trim().ToLowerInvariant();
            if (lower.Length == 0 || headers.Exists(header => header.Name == lower))
            {
                throw new ArgumentException("Extra signed header names must be non-empty and unique.", nameof(extra));
            }

            headers.Add(new SigV4Header(lower, value));
        }

        headers.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return [.. headers];
    }
}
