using Hyok.Protocol;

namespace Hyok.Server.Xks;

/// <summary>
/// A reply together with what the audit record and the log need: the request metadata it answered (null when
/// the body did not parse), the authenticated access key id, and the access decision (kill switch or policy).
/// </summary>
internal sealed record XksExchange(RequestMetadata? Metadata, XksReply Reply, string? Decision = null)
{
    public string? AccessKeyId { get; init; }

    public int? KeyVersion { get; init; }
}
