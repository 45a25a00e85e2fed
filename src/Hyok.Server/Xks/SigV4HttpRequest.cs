using Hyok.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hyok.Server.Xks;

/// <summary>
/// Presents a Kestrel request to <see cref="SigV4Verifier"/>: the raw (undecoded) path as received and
/// header values as sent. For HTTP/2 Kestrel exposes <c>:authority</c> as the Host header (xks-spec.md §7.1).
/// A header sent more than once is one canonical value as AWS signers make it: each value trimmed, joined by <c>,</c>
/// in the order received (AWS SigV4 test suite, <c>get-header-key-duplicate</c>).
/// </summary>
internal static class SigV4HttpRequest
{
    public static SigV4Request From(HttpContext context, byte[] body)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "";
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rawTarget : rawTarget[..query];
        return new SigV4Request(request.Method, path, name => Header(request, name), body);
    }

    private static string? Header(HttpRequest request, string name)
    {
        if (!request.Headers.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 ? values[0] : string.Join(',', values.Select(v => v?.Trim()));
    }
}
