using Hyok.Protocol;
using Microsoft.AspNetCore.Http;

namespace Hyok.Server.Xks;

/// <summary>
/// Reads the exact body bytes (SigV4 hashes them, xks-spec.md §7.1) up to a cap; a larger body is
/// 501 UnsupportedOperationException. A body up to <see cref="DrainLimitBytes"/> is read to its end and
/// discarded first, so the client sees the 501 instead of a reset while it is still sending; anything
/// larger is cut off when Kestrel's own limit (the same number) is reached.
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>Kestrel's hard request body limit; bodies between the cap and this are drained.</summary>
    public const int DrainLimitBytes = 1024 * 1024;

    public static async ValueTask<XksResult<byte[]>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > Math.Max(maxBytes, DrainLimitBytes))
        {
            return TooLarge(maxBytes);
        }

        var buffer = new byte[Math.Min(request.ContentLength ?? 16384, maxBytes + 1)];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return await DrainAsync(request, maxBytes, cancellationToken).ConfigureAwait(false);
                    }

                    Array.Resize(ref buffer, Math.Min(Math.Max(buffer.Length * 2, 1024), maxBytes + 1));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return length == buffer.Length ? buffer : buffer[..length];
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
    }

    private static async ValueTask<XksResult<byte[]>> DrainAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or <= DrainLimitBytes)
        {
            var scratch = new byte[16384];
            while (await request.Body.ReadAsync(scratch, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }

        return TooLarge(maxBytes);
    }

    private static XksError TooLarge(int maxBytes) =>
        new(XksErrorCode.UnsupportedOperationException, $"The request body is larger than this proxy accepts ({maxBytes} bytes).");
}
