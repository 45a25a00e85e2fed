using Hyok.Protocol;
using Microsoft.AspNetCore.Http;

namespace Hyok.Server.Xks;

/// <summary>
/// Reads the exact body bytes (SigV4 hashes them, xks-spec.md §7.1) up to a cap; a larger body is
/// 501 UnsupportedOperationException without reading the rest.
/// </summary>
internal static class RequestBodyReader
{
    public static async ValueTask<XksResult<byte[]>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
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
                        return TooLarge(maxBytes);
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
        catch (BadHttpRequestException e)
        {
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(maxBytes)
                : XksError.Validation("The request body could not be read.");
        }

        return length > maxBytes ? TooLarge(maxBytes) : length == buffer.Length ? buffer : buffer[..length];
    }

    private static XksError TooLarge(int maxBytes) =>
        new(XksErrorCode.UnsupportedOperationException, $"The request body is larger than this proxy accepts ({maxBytes} bytes).");
}
