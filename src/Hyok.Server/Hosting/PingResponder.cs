using Microsoft.AspNetCore.Http;

namespace Hyok.Server.Hosting;

/// <summary>
/// The unauthenticated load balancer health route (xks-spec.md §2.2 "Load balancer health checks"):
/// GET or HEAD on <c>Hyok:Server:PingPath</c> answers 200 without SigV4 and without touching keys.
/// </summary>
internal sealed class PingResponder(string path)
{
    private static readonly byte[] Body = "{\"status\":\"ok\"}"u8.ToArray();

    public bool Matches(HttpRequest request) =>
        path.Length > 0
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && string.Equals(request.Path.Value, path, StringComparison.Ordinal);

    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(Body, 0, Body.Length, context.RequestAborted);
    }
}
