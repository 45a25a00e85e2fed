using System.Net;
using System.Text.Json;
using Hyok.Protocol;

namespace Hyok.Cli.Bench;

/// <summary>Names a failed request for the error counts: <c>STATUS errorName</c> from the XKS error body (xks-spec.md §6.1), else <c>HTTP STATUS</c>.</summary>
internal static class ResponseErrors
{
    /// <summary>Null for 200; the response content is already buffered (the default completion option).</summary>
    public static async Task<string?> NameAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return null;
        }

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ErrorName(body) is { Length: > 0 } errorName ? $"{status} {errorName}" : $"HTTP {status}";
    }

    private static string? ErrorName(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, XksJsonContext.Default.ErrorResponse)?.ErrorName;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
