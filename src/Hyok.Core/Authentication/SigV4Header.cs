namespace Hyok.Authentication;

/// <summary>One signed header: lower-case name and the value as received (xks-spec.md §7.1).</summary>
internal readonly record struct SigV4Header(string Name, string Value);
