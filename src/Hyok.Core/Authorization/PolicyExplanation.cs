namespace Hyok.Authorization;

/// <summary>The decision of a policy for a request and, in file order, how every rule fared (<c>hyok policy explain</c>).</summary>
public sealed record PolicyExplanation(PolicyDecision Decision, IReadOnlyList<PolicyRuleTrace> Rules);
