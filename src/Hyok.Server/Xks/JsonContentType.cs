using Hyok.Protocol;
using Microsoft.AspNetCore.Http;

namespace Hyok.Server.Xks;

/// <summary>
/// XKS requests are <c>Content-Type: application/json</c> (xks-spec.md §1); a missing or different media type
/// is 400 ValidationException, checked after SigV4 like the rest of the body (§6.3 step 4). Parameters such
/// as <c>charset=utf-8</c> are allowed; the media type is compared case-insensitively (RFC 9110 §8.3.1).
/// </summary>
internal static class JsonContentType
{
    private const string Json = "application/json";

    public static XksError? Check(HttpRequest request)
    {
        var value = request.ContentType.AsSpan();
        var semicolon = value.IndexOf(';');
        var mediaType = (semicolon < 0 ? value : value[..semicolon]).Trim(" \t");
        return mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            ? null
            : XksError.Validation("The request Content-Type must be application/json.");
    }
}
