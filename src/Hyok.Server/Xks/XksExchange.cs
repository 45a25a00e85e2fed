using Hyok.Protocol;

namespace Hyok.Server.Xks;

/// <summary>A reply together with the request metadata it answered (null when the body did not parse), for logging.</summary>
internal sealed record XksExchange(RequestMetadata? Metadata, XksReply Reply);
