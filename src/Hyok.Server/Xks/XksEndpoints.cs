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
    /// <summary>Runs the operation; <paramref name="progress"/> learns the metadata and the access decision as soon as they are known (for the audit record and the log).</summary>
    public ValueTask<XksReply> HandleAsync(XksRoute route, byte[] body, XksProgress progress, CancellationToken cancellationToken) => route.Operation switch
    {
        XksOperationKind.GetHealthStatus => HealthAsync(route, body, progress, cancellationToken),
        XksOperationKind.GetKeyMetadata => KeyMetadataAsync(route, body, progress, cancellationToken),
        XksOperationKind.Encrypt => EncryptAsync(route, body, progress, cancellationToken),
        _ => DecryptAsync(route, body, progress, cancellationToken),
    };

    private async ValueTask<XksReply> HealthAsync(XksRoute route, byte[] body, XksProgress progress, CancellationToken cancellationToken)
    {
        var metadata = RequestParser.ParseHealth(body);
        if (!metadata.IsSuccess)
        {
            return XksReply.Failure(metadata.Error);
        }

        progress.Metadata = metadata.Value;
        var verdict = access.CheckHealth(route.Store, metadata.Value);
        progress.Decision = verdict.Decision;
        if (verdict.Error is { } refused)
        {
            return XksReply.Failure(refused);
        }

        var response = await health.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return XksReply.Ok(response, XksJsonContext.Default.HealthStatusResponse);
    }

    private async ValueTask<XksReply> KeyMetadataAsync(XksRoute route, byte[] body, XksProgress progress, CancellationToken cancellationToken)
    {
        var metadata = RequestParser.ParseKeyMetadata(body);
        if (!metadata.IsSuccess)
        {
            return XksReply.Failure(metadata.Error);
        }

        var opened = await OpenAsync(route, metadata.Value, progress, cancellationToken).ConfigureAwait(false);
        return opened.Key.IsSuccess
            ? XksReply.Ok(KeyMetadataOperation.Execute(opened.Key.Value), XksJsonContext.Default.KeyMetadataResponse)
            : XksReply.Failure(opened.Key.Error);
    }

    /// <summary>Key lookup and access (<see cref="KeyAccess"/>), telling <paramref name="progress"/> the metadata and the decision.</summary>
    private async ValueTask<KeyAccessResult> OpenAsync(XksRoute route, RequestMetadata metadata, XksProgress progress, CancellationToken cancellationToken)
    {
        progress.Metadata = metadata;
        var opened = await access.OpenAsync(route.Store, route.Operation, route.KeyId!, metadata, cancellationToken).ConfigureAwait(false);
        progress.Decision = opened.Decision;
        return opened;
    }
}
