using Hyok.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hyok.Server.Xks;

/// <summary>
/// Reads the exact body bytes (SigV4 hashes them, xks-spec.md §7.1) up to a cap; a larger body is
/// 501 UnsupportedOperationException. The excess of a body up to <see cref="DrainBytes"/> over the cap is read
/// and discarded so that an HTTP/1.1 client, still sending, sees the 501 instead of a reset connection.
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>How much of an over-cap body is read and thrown away before the connection is given up.</summary>
    public const int DrainBytes = 1024 * 1024;

    public static async ValueTask<XksResult<byte[]>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        // Kestrel's own limit would stop the drain: lift it to cap + drain for this request.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = (long)maxBytes + DrainBytes;
        }

        if (request.ContentLength > maxBytes)
        {
            return await TooLargeAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
        }

        var buffer = new byte[request.ContentLength ?? Math.Min(maxBytes + 1, 16384)];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return await TooLargeAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBytes + 1));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (BadHttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            // A client that went away is not a malformed request: with the abort signalled, the exception goes on to
            // the handler, which records the request as closed by the client (status 499).
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(maxBytes)
                : XksError.Validation("The request body could not be read.");
        }

        return length > maxBytes ? TooLarge(maxBytes) : length == buffer.Length ? buffer : buffer[..length];
    }

    /// <summary>Reads the rest of the body into a scratch buffer (Kestrel stops at cap + <see cref="DrainBytes"/>), then answers 501.</summary>
    private static async ValueTask<XksResult<byte[]>> TooLargeAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var scratch = new byte[16384];
        try
        {
            while (await request.Body.ReadAsync(scratch, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Over cap + drain, or a broken body: the connection is given up (the handler says Connection: close).
        }

        return TooLarge(maxBytes);
    }

    private static XksError TooLarge(int maxBytes) =>
        new(XksErrorCode.UnsupportedOperationException, $"The request body is larger than this proxy accepts ({maxBytes} bytes).");
}
