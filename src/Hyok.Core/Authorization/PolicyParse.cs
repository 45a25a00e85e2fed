using System.Diagnostics.CodeAnalysis;

namespace Hyok.Authorization;

/// <summary>
/// The result of reading a policy: the policy when it is valid, else every problem found (each naming the
/// rule and field at fault). Warnings (an empty rule list denies everything) do not make a policy invalid.
/// </summary>
public sealed class PolicyParse
{
    internal PolicyParse(Policy? policy, IReadOnlyList<string> errors, IReadOnlyList<string> warnings)
    {
        Policy = errors.Count == 0 ? policy : null;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The policy; null when <see cref="Errors"/> is not empty.</summary>
    public Policy? Policy { get; }

    public IReadOnlyList<string> Errors { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The text that was parsed (a file's UTF-8, byte order mark removed); null when the file could not be read as text.</summary>
    public string? Document { get; internal set; }

    [MemberNotNullWhen(true, nameof(Policy))]
    public bool IsValid => Policy is not null;

    internal static PolicyParse Failed(string error) => new(null, [error], []);
}
