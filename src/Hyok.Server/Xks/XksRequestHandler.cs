using Hyok.Auditing;
using Hyok.Authentication;
using Hyok.Protocol;
using Hyok.Server.Limits;
using Hyok.Server.Logging;
using Hyok.Server.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Xks;

/// <summary>
/// The XKS request pipeline in the order of xks-spec.md §6.3: route → method → (a key operation arriving while the
/// process is short of CPU is shed here) → header limits → body (within its
/// timeout, <see cref="RequestIntake"/>) → SigV4 → content type → parse → admission (quota, concurrency limit) → key →
/// access (kill switches, policy) → operation, then exactly one audit record before the answer (fail closed). Everything
/// up to the answer's content runs within the request's deadline (<see cref="RequestDeadline"/>); the audit write after
/// it does not (docs/operations.md "Overload and deadlines").
/// Spec failures are values; an escaping exception becomes InternalException with a fixed message, and no exception
/// text ever reaches a response body.
/// </summary>
internal sealed partial class XksRequestHandler(
    XksRouter router,
    SigV4Verifier verifier,
    XksEndpoints endpoints,
    int maxRequestBodyBytes,
    RequestIntake intake,
    TimeSpan requestDeadline,
    IAuditSink audit,
    TimeProvider timeProvider,
    ILogger<XksRequestHandler> logger,
    HyokMetrics metrics)
{
    public async Task HandleAsync(HttpContext context)
    {
        var arrival = new XksArrival(timeProvider.GetUtcNow(), timeProvider.GetTimestamp());
        var route = router.Match(context.Request.Path.Value ?? "");
        var progress = new XksProgress();
        using var deadline = new RequestDeadline(requestDeadline, timeProvider, arrival.Timestamp, context.RequestAborted);
        XksReply reply;
        try
        {
            reply = await DispatchAsync(context, route, progress, deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing can be answered, but the attempt is still recorded with what was known.
            await AuditAbortedAsync(context, route, progress, arrival).ConfigureAwait(false);
            metrics.RequestCompleted(route, ClientClosedOutcome, timeProvider.GetElapsedTime(arrival.Timestamp));
            throw new OperationCanceledException("The client closed the connection.", e, context.RequestAborted);
        }
        catch (OperationCanceledException) when (deadline.IsExpired)
        {
            reply = XksReply.Failure(DeadlinePassed);
        }
        catch (Exception e)
        {
            XksLog.Unhandled(logger, e.GetType().Name, e);
            reply = XksReply.Failure(XksErrorCode.InternalException);
        }

        var exchange = await AuditAsync(context, route, progress.ToExchange(reply), arrival).ConfigureAwait(false);
        metrics.RequestCompleted(route, exchange.Reply.Error, timeProvider.GetElapsedTime(arrival.Timestamp));
        LogCompleted(context, route, exchange, arrival);
        await WriteAsync(context, exchange.Reply).ConfigureAwait(false);
    }

    private async ValueTask<XksReply> DispatchAsync(HttpContext context, XksRoute? route, XksProgress progress, RequestDeadline deadline)
    {
        var request = context.Request;
        if (route is null || request.QueryString.HasValue)
        {
            return XksReply.Failure(XksErrorCode.InvalidUriPathException);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            // xks-spec.md §1: a GET (and any non-POST) on an API URI is 405; the body stays spec-shaped JSON.
            context.Response.Headers.Allow = "POST";
            var error = new XksError(XksErrorCode.UnsupportedOperationException, "Only POST is allowed on XKS API URIs.");
            return XksReply.Failure(error, StatusCodes.Status405MethodNotAllowed);
        }

        if (endpoints.ShedOnArrival(route) is { } overloaded)
        {
            // Short of CPU: answered at once, before the body is read (docs/operations.md "Overload and deadlines").
            return XksReply.Failure(overloaded);
        }

        if (intake.CheckHeaders(request) is { } headerError)
        {
            return XksReply.Failure(headerError);
        }

        var cancellationToken = context.RequestAborted;
        var body = await intake.ReadBodyAsync(request, maxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (!body.IsSuccess)
        {
            // Part of the body may be left unread (beyond RequestBodyReader.DrainBytes), and then Kestrel closes
            // the connection after this reply. Say so (RFC 9112 §9.6): otherwise an HTTP/1.1 client reuses the
            // connection and its next request fails.
            if (HttpProtocol.IsHttp10(request.Protocol) || HttpProtocol.IsHttp11(request.Protocol))
            {
                context.Response.Headers.Connection = "close";
            }

            return XksReply.Failure(body.Error);
        }

        var principal = verifier.Verify(SigV4HttpRequest.From(context, body.Value), route.Store);
        if (!principal.IsSuccess)
        {
            return XksReply.Failure(principal.Error);
        }

        progress.AccessKeyId = principal.Value.AccessKeyId;
        return JsonContentType.Check(request) is { } contentTypeError
            ? XksReply.Failure(contentTypeError)
            : await WithinDeadlineAsync(endpoints.HandleAsync(route, body.Value, progress, deadline), deadline).ConfigureAwait(false);
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
