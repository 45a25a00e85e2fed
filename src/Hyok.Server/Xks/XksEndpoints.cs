using Hyok.Operations;
using Hyok.Protocol;

namespace Hyok.Server.Xks;

/// <summary>Runs one authenticated request body through its operation; one method per operation.</summary>
internal sealed partial class XksEndpoints(
    HealthStatusOperation health,
    KeyMetadataOperation keyMetadata,
    EncryptOperation encrypt,
    DecryptOperation decrypt,
    XksLimits limits)
{
    public ValueTask<XksExchange> HandleAsync(XksRoute route, byte[] body, CancellationToken cancellationToken) => route.Operation switch
    {
        XksOperationKind.GetHealthStatus => HealthAsync(body, cancellationToken),
        XksOperationKind.GetKeyMetadata => KeyMetadataAsync(route, body, cancellationToken),
        XksOperationKind.Encrypt => EncryptAsync(route, body, cancellationToken),
        _ => DecryptAsync(route, body, cancellationToken),
    };

    private async ValueTask<XksExchange> HealthAsync(byte[] body, CancellationToken cancellationToken)
    {
        var metadata = RequestParser.ParseHealth(body);
        if (!metadata.IsSuccess)
        {
            return new XksExchange(null, XksReply.Failure(metadata.Error));
        }

        var response = await health.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return new XksExchange(metadata.Value, XksReply.Ok(response, XksJsonContext.Default.HealthStatusResponse));
    }

    private async ValueTask<XksExchange> KeyMetadataAsync(XksRoute route, byte[] body, CancellationToken cancellationToken)
    {
        var metadata = RequestParser.ParseKeyMetadata(body);
        if (!metadata.IsSuccess)
        {
            return new XksExchange(null, XksReply.Failure(metadata.Error));
        }

        var result = await keyMetadata.ExecuteAsync(route.Store, route.KeyId!, cancellationToken).ConfigureAwait(false);
        return new XksExchange(metadata.Value, result.IsSuccess
            ? XksReply.Ok(result.Value, XksJsonContext.Default.KeyMetadataResponse)
            : XksReply.Failure(result.Error));
    }
}
