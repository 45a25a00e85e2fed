using Hyok.Authorization;
using Hyok.Operations;
using Hyok.Protocol;
using Hyok.Server.Limits;

namespace Hyok.Server.Xks;

/// <summary>
/// Runs one authenticated request body through its operation; one method per operation. Key operations go
/// through <see cref="RequestAdmission"/> (key store quota, concurrency limit: refused with ThrottlingException
/// before any backend work) and then <see cref="KeyAccess"/> (key lookup, kill switches, policy: xks-spec.md §6.3
/// steps 5 and 6). Admission comes after parsing so that the audit record of a shed request names its kmsRequestId.
/// </summary>
internal sealed partial class XksEndpoints(
    HealthStatusOperation health,
    KeyAccess access,
    EncryptOperation encrypt,
    DecryptOperation decrypt,
    XksLimits limits,
    RequestAdmission admission)
{
    /// <summary>
    /// ThrottlingException for a key operation that arrives while the process is short of CPU
    /// (<see cref="RequestAdmission.ShedForDispatchDelay"/>), before its body is read or authenticated; null to go on.
    /// GetHealthStatus is never shed.
    /// </summary>
    public XksError? ShedOnArrival(XksRoute route) =>
        route.Operation == XksOperationKind.GetHealthStatus ? null : admission.ShedForDispatchDelay();

    /// <summary>
    /// Runs the operation; <paramref name="progress"/> learns the metadata and the access decision as soon as they are
    /// known (for the audit record and the log). Backend work is cancelled through <paramref name="deadline"/>.
    /// </summary>
    public ValueTask<XksReply> HandleAsync(XksRoute route, byte[] body, XksProgress progress, RequestDeadline deadline) => route.Operation switch
    {
        XksOperationKind.GetHealthStatus => HealthAsync(route, body, progress),
        XksOperationKind.GetKeyMetadata => KeyMetadataAsync(route, body, progress, deadline),
        XksOperationKind.Encrypt => EncryptAsync(route, body, progress, deadline),
        _ => DecryptAsync(route, body, progress, deadline),
    };

    /// <summary>
    /// GetHealthStatus is never shed (KMS judges the proxy by it) and its deep probe is not cancelled by this request's
    /// deadline: the probe runs to its own backend timeout and its result is cached for the next check (xks-spec.md §4.4),
    /// while this request still answers at its deadline (the request handler stops waiting).
    /// </summary>
    private async ValueTask<XksReply> HealthAsync(XksRoute route, byte[] body, XksProgress progress)
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

        var response = await health.ExecuteAsync(CancellationToken.None).ConfigureAwait(false);
        return XksReply.Ok(response, XksJsonContext.Default.HealthStatusResponse);
    }

    private async ValueTask<XksReply> KeyMetadataAsync(XksRoute route, byte[] body, XksProgress progress, RequestDeadline deadline)
    {
        var metadata = RequestParser.ParseKeyMetadata(body);
        if (!metadata.IsSuccess)
        {
            return XksReply.Failure(metadata.Error);
        }

        using var admitted = await AdmitAsync(route, metadata.Value, progress, deadline).ConfigureAwait(false);
        if (admitted.Refusal is { } refusal)
        {
            return XksReply.Failure(refusal);
        }

        AdmissionScope.Current = admitted.Lease;
        var opened = await OpenAsync(route, progress, deadline.Token).ConfigureAwait(false);
        return opened.Key.IsSuccess
            ? XksReply.Ok(KeyMetadataOperation.Execute(opened.Key.Value), XksJsonContext.Default.KeyMetadataResponse)
            : XksReply.Failure(opened.Key.Error);
    }

    /// <summary>
    /// Tells <paramref name="progress"/> the metadata, then asks <see cref="RequestAdmission"/> for a slot, queueing at most
    /// until the deadline. The caller holds the slot until it disposes the admission, and puts it in
    /// <see cref="AdmissionScope"/> (which only the caller's own flow can do) so that backend calls hold it until they
    /// have really finished (<see cref="AdmissionTrackingKeyBackend"/>).
    /// A client that went away while queued is reported as such (the exception), not as a shed request.
    /// </summary>
    private async ValueTask<Admission> AdmitAsync(XksRoute route, RequestMetadata metadata, XksProgress progress, RequestDeadline deadline)
    {
        progress.Metadata = metadata;
        var admitted = await admission.EnterAsync(route.Store.Name, deadline.Remaining, deadline.Token).ConfigureAwait(false);
        if (admitted.Refusal is not null && !deadline.IsExpired)
        {
            deadline.Token.ThrowIfCancellationRequested();
        }

        return admitted;
    }

    /// <summary>Key lookup and access (<see cref="KeyAccess"/>), telling <paramref name="progress"/> the decision.</summary>
    private async ValueTask<KeyAccessResult> OpenAsync(XksRoute route, XksProgress progress, CancellationToken cancellationToken)
    {
        var opened = await access.OpenAsync(route.Store, route.Operation, route.KeyId!, progress.Metadata!, cancellationToken).ConfigureAwait(false);
        progress.Decision = opened.Decision;
        return opened;
    }
}
