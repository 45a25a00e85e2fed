namespace Hyok.Authorization;

/// <summary>
/// The outcome of evaluating a <see cref="Policy"/> for one request. <see cref="RuleName"/> is the deciding
/// rule, or null when no rule matched (default deny). In dry-run mode the decision is what the policy would
/// have decided; it never blocks.
/// </summary>
public sealed record PolicyDecision(PolicyEffect Effect, string? RuleName, bool DryRun)
{
    /// <summary>True when the request must be refused: a deny decision of an enforced policy.</summary>
    public bool Blocks => Effect == PolicyEffect.Deny && !DryRun;

    /// <summary>
    /// A short text for logs and audit records: <c>policy allow rule app</c>, <c>policy deny rule no-ebs</c>,
    /// <c>policy deny (no rule matched)</c>; prefixed <c>dry-run </c> in dry-run mode.
    /// </summary>
    public string Describe()
    {
        var effect = Effect == PolicyEffect.Allow ? "allow" : "deny";
        var rule = RuleName is null ? "(no rule matched)" : $"rule {RuleName}";
        return $"{(DryRun ? "dry-run " : "")}policy {effect} {rule}";
    }
}
