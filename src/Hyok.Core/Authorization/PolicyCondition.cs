namespace Hyok.Authorization;

/// <summary>One entry of a rule's <c>match</c>: the field matches when any of its patterns matches.</summary>
public sealed class PolicyCondition(PolicyField field, IReadOnlyList<PolicyPattern> patterns)
{
    public PolicyField Field { get; } = field;

    public IReadOnlyList<PolicyPattern> Patterns { get; } = patterns;

    /// <summary>The first pattern matching <paramref name="value"/>, or null when none does.</summary>
    public PolicyPattern? FirstMatch(string? value)
    {
        foreach (var pattern in Patterns)
        {
            if (pattern.Matches(value))
            {
                return pattern;
            }
        }

        return null;
    }
}
