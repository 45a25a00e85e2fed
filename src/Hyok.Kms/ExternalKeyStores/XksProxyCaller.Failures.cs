using System.Net.Http;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>How <see cref="XksProxyCaller"/> classifies a failed exchange and logs each call (never a secret or body).</summary>
public sealed partial class XksProxyCaller
{
    private static XksProxyFailure FailureOf(HttpRequestException e)
    {
        if (e.HttpRequestError == HttpRequestError.SecureConnectionError || HasInner<AuthenticationException>(e))
        {
            return new XksProxyFailure(XksFailureKind.TlsFailure, "the TLS handshake with the proxy failed: " + e.Message);
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError =>
                new XksProxyFailure(XksFailureKind.NotReachable, "cannot connect to the proxy: " + e.Message),
            _ => XksProxyFailure.Invalid("the proxy's answer could not be read: " + e.Message),
        };
    }

    private static bool HasInner<TException>(Exception e)
        where TException : Exception
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is TException)
            {
                return true;
            }
        }

        return false;
    }

    private void Log(string operationPath, string kmsOperation, string kmsRequestId, XksProxyFailure? failure, TimeSpan elapsed)
    {
        string operation = operationPath[(operationPath.LastIndexOf('/') + 1)..];
        if (failure is null)
        {
            LogCallSucceeded(_logger, operation, kmsOperation, kmsRequestId, elapsed.TotalMilliseconds);
        }
        else
        {
            LogCallFailed(_logger, operation, kmsOperation, kmsRequestId, failure.Kind, failure.ErrorName, elapsed.TotalMilliseconds, failure.Detail);
        }
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "XKS {Operation} for {KmsOperation} ({KmsRequestId}) succeeded in {ElapsedMs:0.0} ms")]
    private static partial void LogCallSucceeded(ILogger logger, string operation, string kmsOperation, string kmsRequestId, double elapsedMs);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "XKS {Operation} for {KmsOperation} ({KmsRequestId}) failed: {Kind} {ErrorName} after {ElapsedMs:0.0} ms: {Detail}")]
    private static partial void LogCallFailed(ILogger logger, string operation, string kmsOperation, string kmsRequestId, XksFailureKind kind, string? errorName, double elapsedMs, string detail);
}
