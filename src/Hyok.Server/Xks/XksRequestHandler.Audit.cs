using Hyok.Auditing;
using Hyok.Protocol;
using Hyok.Server.Logging;
using Microsoft.AspNetCore.Http;

namespace Hyok.Server.Xks;

internal sealed partial class XksRequestHandler
{
    /// <summary>Status recorded for a request whose client closed the connection before it was answered.</summary>
    internal const int ClientClosedStatus = 499;

    /// <summary>Outcome recorded for a request whose client closed the connection before it was answered.</summary>
    internal const string ClientClosedOutcome = "ClientClosedRequest";

    /// <summary>
    /// Writes the request's one audit record and waits until it is durable. When the trail cannot record it,
    /// the answer becomes InternalException: nothing is answered unaudited (fail closed).
    /// </summary>
    private async ValueTask<XksExchange> AuditAsync(HttpContext context, XksRoute? route, XksExchange exchange, XksArrival arrival)
    {
        var reply = exchange.Reply;
        var outcome = reply.Error is { } code ? XksErrors.NameOf(code) : "OK";
        try
        {
            await audit.AppendAsync(Describe(context, route, exchange, arrival, reply.Status, outcome), CancellationToken.None).ConfigureAwait(false);
            return exchange;
        }
        catch (Exception e)
        {
            XksLog.AuditUnavailable(logger, e.GetType().Name, e.Message);
            return exchange with { Reply = XksReply.Failure(new XksError(XksErrorCode.InternalException, "The proxy cannot record the request in its audit trail.")) };
        }
    }

    private async ValueTask AuditAbortedAsync(HttpContext context, XksRoute? route, XksProgress progress, XksArrival arrival)
    {
        try
        {
            var exchange = progress.ToExchange(XksReply.Failure(XksErrorCode.InternalException));
            await audit.AppendAsync(Describe(context, route, exchange, arrival, ClientClosedStatus, ClientClosedOutcome), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            XksLog.AuditUnavailable(logger, e.GetType().Name, e.Message);
        }
    }

    private AuditEvent Describe(HttpContext context, XksRoute? route, XksExchange exchange, XksArrival arrival, int status, string outcome)
    {
        var metadata = exchange.Metadata;
        return new AuditEvent
        {
            Time = arrival.Time,
            KeyStore = route?.Store.Name,
            XksOperation = route?.Operation.ToString(),
            ExternalKeyId = route?.KeyId,
            KeyVersion = exchange.KeyVersion,
            KmsRequestId = metadata?.KmsRequestId,
            KmsOperation = metadata?.KmsOperation,
            AwsPrincipalArn = metadata?.AwsPrincipalArn,
            KmsKeyArn = metadata?.KmsKeyArn,
            KmsViaService = metadata?.KmsViaService,
            AwsSourceVpc = metadata?.AwsSourceVpc,
            AwsSourceVpce = metadata?.AwsSourceVpce,
            AccessKeyId = exchange.AccessKeyId,
            SourceIp = context.Connection.RemoteIpAddress?.ToString(),
            Status = status,
            Outcome = outcome,
            Decision = exchange.Decision,
            LatencyMilliseconds = timeProvider.GetElapsedTime(arrival.Timestamp).TotalMilliseconds,
        };
    }
}
