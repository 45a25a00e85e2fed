using Hyok.Protocol;

namespace Hyok.Server.Xks;

/// <summary>
/// What is known about a request so far, filled in as it passes each step. When the client goes away before the
/// answer (after a key was perhaps already used), its audit record still names who asked and what was decided.
/// </summary>
internal sealed class XksProgress
{
    public string? AccessKeyId { get; set; }

    public RequestMetadata? Metadata { get; set; }

    public string? Decision { get; set; }

    /// <summary>The key version an Encrypt used or a Decrypt's metadata named, for the audit record (decision 0010).</summary>
    public int? KeyVersion { get; set; }

    public XksExchange ToExchange(XksReply reply) => new(Metadata, reply, Decision) { AccessKeyId = AccessKeyId, KeyVersion = KeyVersion };
}
