using Hyok.Authentication;
using Hyok.Protocol;
using Hyok.Server.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Xks;

/// <summary>
/// The XKS request pipeline in the order of xks-spec.md §6.3: route → method → body → SigV4 → content type → parse →
/// operation. Spec failures are values; an escaping exception becomes InternalException with a fixed
/// message, and no exception text ever reaches a response body.
/// </summary>
internal sealed class XksRequestHandler(
    XksRouter router,
    SigV4Verifier verifier,
    XksEndpoints endpoints,
    int maxRequestBodyBytes,
    TimeProvider timeProvider,
    ILogger<XksRequestHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var started = timeProvider.GetTimestamp();
        var request = context.Request;
        var route = router.Match(request.Path.Value ?? "");
        XksReply reply;
        try
        {
            if (route is null || request.QueryString.HasValue)
            {
                reply = XksReply.Failure(XksErrorCode.InvalidUriPathException);
            }
            else if (!HttpMethods.IsPost(request.Method))
            {
                // xks-spec.md §1: a GET (and any non-POST) on an API URI is 405; the body stays spec-shaped JSON.
                context.Response.Headers.Allow = "POST";
                reply = XksReply.Failure(new XksError(XksErrorCode.UnsupportedOperationException, "Only POST is allowed on XKS API URIs."), StatusCodes.Status405MethodNotAllowed);
            }
            else
            {
                await ServeAsync(context, route, started).ConfigureAwait(false);
                return;
            }
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            XksLog.Unhandled(logger, e.GetType().Name, e);
            reply = XksReply.Failure(XksErrorCode.InternalException);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            XksLog.RequestRejected(logger, request.Method, reply.Status, reply.Error?.ToString() ?? "OK");
        }

        await WriteAsync(context, reply).ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context, XksRoute route, long started)
    {
        var cancellationToken = context.RequestAborted;
        string? accessKeyId = null;
        XksExchange exchange;
        try
        {
            var body = await RequestBodyReader.ReadAsync(context.Request, maxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
            if (!body.IsSuccess)
            {
                // Part of the body may be left unread (beyond RequestBodyReader.DrainBytes), and then Kestrel closes
                // the connection after this reply. Say so (RFC 9112 §9.6): otherwise an HTTP/1.1 client reuses the
                // connection and its next request fails.
                if (HttpProtocol.IsHttp10(context.Request.Protocol) || HttpProtocol.IsHttp11(context.Request.Protocol))
                {
                    context.Response.Headers.Connection = "close";
                }

                exchange = new XksExchange(null, XksReply.Failure(body.Error));
            }
            else
            {
                var principal = verifier.Verify(SigV4HttpRequest.From(context, body.Value), route.Store);
                accessKeyId = principal.Value?.AccessKeyId;
                exchange = !principal.IsSuccess
                    ? new XksExchange(null, XksReply.Failure(principal.Error))
                    : JsonContentType.Check(context.Request) is { } contentTypeError
                        ? new XksExchange(null, XksReply.Failure(contentTypeError))
                        : await endpoints.HandleAsync(route, body.Value, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            XksLog.Unhandled(logger, e.GetType().Name, e);
            exchange = new XksExchange(null, XksReply.Failure(XksErrorCode.InternalException));
        }

        LogCompleted(route, exchange, accessKeyId, started);
        await WriteAsync(context, exchange.Reply).ConfigureAwait(false);
    }

    private void LogCompleted(XksRoute route, XksExchange exchange, string? accessKeyId, long started)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var (metadata, reply) = (exchange.Metadata, exchange.Reply);
            XksLog.RequestCompleted(logger, route.Operation.ToString(), route.Store.Name, route.KeyId, LogText.Clip(metadata?.KmsRequestId), LogText.Clip(metadata?.KmsOperation),
                LogText.Clip(metadata?.AwsPrincipalArn), accessKeyId, reply.Status, reply.Error?.ToString() ?? "OK", timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static Task WriteAsync(HttpContext context, XksReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = "application/json";
        response.ContentLength = reply.Body.Length;
        return response.Body.WriteAsync(reply.Body, 0, reply.Body.Length, context.RequestAborted);
    }
}
