namespace Hyok.Authorization;

/// <summary>What a policy rule (and a policy decision) does with a request: <c>"allow"</c> or <c>"deny"</c>.</summary>
public enum PolicyEffect
{
    Allow,
    Deny,
}
