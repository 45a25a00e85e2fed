using System.Diagnostics;
using Hyok.Authentication;
using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.Hosting;

/// <summary>
/// One AWS KMS JSON 1.1 call: <c>POST /</c> → SigV4 (service kms) → <c>X-Amz-Target: TrentService.OP</c> → JSON body →
/// operation → <c>200 application/x-amz-json-1.1</c>, or a <see cref="KmsError"/> as <c>{"__type","message"}</c> with
/// <c>x-amzn-ErrorType</c>. Every response carries <c>x-amzn-RequestId</c>. Bodies are never logged.
/// </summary>
internal sealed partial class KmsRequestHandler(KmsOperations operations, KmsAuthenticator authenticator, ILogger<KmsRequestHandler> logger)
{
    public const string TargetPrefix = "TrentService.";

    public async Task HandleAsync(HttpContext context)
    {
        long started = Stopwatch.GetTimestamp();
        string requestId = Guid.NewGuid().ToString("D");
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        string operation = "-";
        string principal = "-";
        KmsError? error;
        try
        {
            byte[] body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            (var caller, error) = authenticator.Authenticate(ToSigV4Request(context, body));
            if (caller is not null)
            {
                principal = caller.PrincipalArn;
                (operation, error) = await DispatchAsync(context, body, caller, requestId).ConfigureAwait(false);
            }
        }
        catch (BadHttpRequestException)
        {
            error = KmsErrors.Validation("The request body is too large.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnexpected(logger, e, operation, requestId);
            error = KmsErrors.Internal();
        }

        if (error is not null)
        {
            await KmsResponses.WriteErrorAsync(context.Response, error).ConfigureAwait(false);
        }

        LogCall(logger, operation, principal, context.Response.StatusCode, error?.Type ?? "OK", Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
    }

    private async Task<(string Operation, KmsError? Error)> DispatchAsync(HttpContext context, byte[] body, KmsCaller caller, string requestId)
    {
        var request = context.Request;
        string target = request.Headers["X-Amz-Target"].ToString();
        string name = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : string.Empty;
        var handler = request.Method == HttpMethods.Post && request.Path == "/" && IsJsonContentType(request.ContentType)
            ? operations.Find(name)
            : null;
        if (handler is null)
        {
            return ("-", KmsErrors.UnknownOperation());
        }

        try
        {
            var response = await handler(new KmsCall(name, KmsRequest.Parse(body), caller, requestId, context.RequestAborted)).ConfigureAwait(false);
            await KmsResponses.WriteAsync(context.Response, response).ConfigureAwait(false);
            return (name, null);
        }
        catch (KmsException e)
        {
            return (name, e.Error);
        }
    }

    private static bool IsJsonContentType(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/x-amz-json-1.", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static SigV4Request ToSigV4Request(HttpContext context, byte[] body)
    {
        var request = context.Request;
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        int query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string path = query < 0 ? rawTarget : rawTarget[..query];
        return new SigV4Request(request.Method, path, name =>
            request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(", ", values.ToArray()) : null, body);
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "KMS {Operation} by {Principal}: {Status} {Outcome} in {ElapsedMilliseconds:F1} ms (request {RequestId})")]
    private static partial void LogCall(ILogger logger, string operation, string principal, int status, string outcome, double elapsedMilliseconds, string requestId);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "KMS {Operation} failed unexpectedly (request {RequestId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string operation, string requestId);
}
