using Hyok.Protocol;

namespace Hyok.Authorization;

/// <summary>
/// The gate's answer: <see cref="Error"/> is null when the request may go on. <see cref="Decision"/> names what
/// decided (a block, a policy rule, a dry-run would-be decision) for the audit record; null when nothing was asked.
/// </summary>
public sealed record AccessVerdict(XksError? Error, string? Decision)
{
    /// <summary>Nothing applied (no block, no policy): allowed, with no decision to record.</summary>
    public static AccessVerdict Unrestricted { get; } = new(null, null);
}
