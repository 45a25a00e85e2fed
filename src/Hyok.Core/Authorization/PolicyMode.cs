namespace Hyok.Authorization;

/// <summary>Whether a policy's decisions are enforced or only recorded (<c>"mode"</c> of a policy file).</summary>
public enum PolicyMode
{
    /// <summary><c>"enforce"</c>: a deny decision rejects the request with AccessDeniedException (xks-spec.md §7.6).</summary>
    Enforce,

    /// <summary><c>"dry-run"</c>: decisions are evaluated and recorded, never enforced (shadow mode for a rollout).</summary>
    DryRun,
}
