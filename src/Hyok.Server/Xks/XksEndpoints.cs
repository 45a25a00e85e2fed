using Hyok.Authorization;
using Hyok.Operations;
using Hyok.Protocol;

namespace Hyok.Server.Xks;

/// <summary>
/// Runs one authenticated request body through its operation; one method per operation. Key operations go
/// through <see cref="KeyAccess"/> first (key lookup, kill switches, policy: xks-spec.md §6.3 steps 5 and 6).
/// </summary>
internal sealed partial class XksEndpoints(
    HealthStatusOperation health,
    KeyAccess access,
    EncryptOperation encrypt,
    DecryptOperation decrypt,
    XksLimits limits)
{
    public ValueTask<XksExchange> HandleAsync(XksRoute route, byte[] body, CancellationToken cancellationToken) => route.Operation switch
    {
        XksOperationKind.GetHealthStatus => HealthAsync(route, body, cancellationToken),
        XksOperationKind.GetKeyMetadata => KeyMetadataAsync(route, body, cancellationToken),
        XksOperationKind.Encrypt => EncryptAsync(route, body, cancellationToken),
        _ => DecryptAsync(route, body, cancellationToken),
    };

    private async ValueTask<XksExchange> HealthAsync(XksRoute route, byte[] body, CancellationToken cancellationToken)
    {
        var metadata = RequestParser.ParseHealth(body);
        if (!metadata.IsSuccess)
        {
            return XksExchange.Failure(metadata.Error);
        }

        var verdict = access.CheckHealth(route.Store, metadata.Value);
        if (verdict.Error is { } refused)
        {
            return new XksExchange(metadata.Value, XksReply.Failure(refused), verdict.Decision);
        }

        var response = await health.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new XksExchange(metadata.Value, XksReply.Ok(response, XksJsonContext.Default.HealthStatusResponse), verdict.Decision);
    }

    private async ValueTask<XksExchange> KeyMetadataAsync(XksRoute route, byte[] body, CancellationToken cancellationToken)
    {
        var metadata = RequestParser.ParseKeyMetadata(body);
        if (!metadata.IsSuccess)
        {
            return XksExchange.Failure(metadata.Error);
        }

        var opened = await access.OpenAsync(route.Store, route.Operation, route.KeyId!, metadata.Value, cancellationToken).ConfigureAwait(false);
        var reply = opened.Key.IsSuccess
            ? XksReply.Ok(KeyMetadataOperation.Execute(opened.Key.Value), XksJsonContext.Default.KeyMetadataResponse)
            : XksReply.Failure(opened.Key.Error);
        return new XksExchange(metadata.Value, reply, opened.Decision);
    }
}
