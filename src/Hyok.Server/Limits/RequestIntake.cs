using Hyok.Protocol;
using Hyok.Server.Xks;
using Microsoft.AspNetCore.Http;

namespace Hyok.Server.Limits;

/// <summary>
/// Hyok's own limits on how a request arrives (<c>Hyok:Server:Connections</c>, docs/security.md "Limits"), below
/// Kestrel's hard ones so that the XKS handler answers them with a spec error and audits them (xks-spec.md §6.1):
/// header size and count (400 ValidationException), and the time the body may take to arrive (400
/// ValidationException), so that a client trickling a body does not hold a request for longer.
/// </summary>
internal sealed class RequestIntake(int maxHeaderBytes, int maxHeaderCount, TimeSpan bodyTimeout, TimeProvider timeProvider)
{
    /// <summary>A header line's bytes besides its name and value: ": " and CRLF.</summary>
    private const int HeaderLineOverhead = 4;

    public XksError? CheckHeaders(HttpRequest request)
    {
        long bytes = 0;
        var count = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                bytes += name.Length + (value?.Length ?? 0) + HeaderLineOverhead;
                count++;
            }
        }

        return count > maxHeaderCount ? XksError.Validation($"The request has more header fields than this proxy accepts ({maxHeaderCount}).")
            : bytes > maxHeaderBytes ? XksError.Validation($"The request headers are larger than this proxy accepts ({maxHeaderBytes} bytes).")
            : null;
    }

    /// <summary>Reads the body (<see cref="RequestBodyReader"/>) within the body timeout; a body still arriving then is refused.</summary>
    public async ValueTask<XksResult<byte[]>> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken aborted)
    {
        using var timer = new CancellationTokenSource(bodyTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, aborted);
        try
        {
            return await RequestBodyReader.ReadAsync(request, maxBytes, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when ((e is OperationCanceledException or BadHttpRequestException) && timer.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return XksError.Validation($"The request body did not arrive within {bodyTimeout.TotalMilliseconds:0} ms.");
        }
    }
}
