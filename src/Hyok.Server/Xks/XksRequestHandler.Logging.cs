using Hyok.Server.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Xks;

internal sealed partial class XksRequestHandler
{
    private void LogCompleted(HttpContext context, XksRoute? route, XksExchange exchange, XksArrival arrival)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var reply = exchange.Reply;
        var outcome = reply.Error?.ToString() ?? "OK";
        if (route is null || exchange.Reply.Status == StatusCodes.Status405MethodNotAllowed)
        {
            XksLog.RequestRejected(logger, context.Request.Method, reply.Status, outcome);
            return;
        }

        var metadata = exchange.Metadata;
        XksLog.RequestCompleted(logger, route.Operation.ToString(), route.Store.Name, route.KeyId, LogText.Clip(metadata?.KmsRequestId),
            LogText.Clip(metadata?.KmsOperation), LogText.Clip(metadata?.AwsPrincipalArn), exchange.AccessKeyId, reply.Status, outcome,
            LogText.Clip(exchange.Decision), timeProvider.GetElapsedTime(arrival.Timestamp).TotalMilliseconds);
    }
}
