namespace Hyok.Authorization;

/// <summary>How one condition of a rule fared for a request: the request's value and the pattern that matched it, if any.</summary>
public sealed record PolicyFieldTrace(PolicyField Field, string? Value, IReadOnlyList<PolicyPattern> Patterns, PolicyPattern? MatchedPattern)
{
    public bool Matched => MatchedPattern is not null;

    public string FieldName => PolicyFields.NameOf(Field);
}
