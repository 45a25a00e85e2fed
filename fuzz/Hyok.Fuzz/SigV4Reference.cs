using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Hyok.Fuzz;

/// <summary>
/// A second, deliberately plain implementation of the SigV4 signature of xks-spec.md §7.1 (string building, no
/// buffers, no cache) to hold Hyok's verifier against: whatever Hyok accepts must carry the signature computed here.
/// </summary>
internal static partial class SigV4Reference
{
    public static string Signature(RawHttpRequest request, string signedHeaders, string amzDate)
    {
        string[] names = signedHeaders.Split(';');
        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n').Append(request.Path.Length == 0 ? "/" : request.Path).Append("\n\n");
        foreach (string name in names)
        {
            string value = CanonicalValue(request.Header(name) ?? "");
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(request.Body)));
        string scope = $"{amzDate[..8]}/{SpecCredentials.Region}/kms-xks-proxy/aws4_request";
        string toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        byte[] key = Encoding.UTF8.GetBytes("AWS4" + SpecCredentials.Secret);
        foreach (string part in scope.Split('/'))
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }

    /// <summary>Canonical header value: trimmed of spaces and tabs, runs of spaces collapsed to one.</summary>
    public static string CanonicalValue(string value) => Spaces().Replace(value.Trim(' ', '\t'), " ");

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
