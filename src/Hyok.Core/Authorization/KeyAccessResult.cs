using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>The key a request may use, or why not; with the access decision for the audit record.</summary>
public sealed record KeyAccessResult(XksResult<KeyDescriptor> Key, string? Decision);
