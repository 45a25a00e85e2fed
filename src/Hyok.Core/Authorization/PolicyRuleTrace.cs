namespace Hyok.Authorization;

/// <summary>Whether one rule matched a request, with the result of each of its conditions.</summary>
public sealed record PolicyRuleTrace(PolicyRule Rule, bool Matched, IReadOnlyList<PolicyFieldTrace> Fields);
