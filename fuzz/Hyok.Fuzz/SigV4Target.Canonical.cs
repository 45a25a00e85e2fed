using Hyok.Authentication;

namespace Hyok.Fuzz;

internal static partial class SigV4Target
{
    /// <summary>
    /// The canonical header line <c>name:value</c> (xks-spec.md §7.1): value trimmed, runs of spaces collapsed to one,
    /// nothing else changed; canonicalising a canonical value changes nothing.
    /// </summary>
    private static void CheckCanonicalValue(string name, string value)
    {
        string canonical = CanonicalValue(name, value);
        FuzzInvariantException.Require(!canonical.Contains("  ", StringComparison.Ordinal), "canonical value keeps a run of spaces");
        FuzzInvariantException.Require(canonical.Trim(' ', '\t').Length == canonical.Length, "canonical value is not trimmed");
        FuzzInvariantException.Require(
            canonical.Replace(" ", "", StringComparison.Ordinal) == value.Trim(' ', '\t').Replace(" ", "", StringComparison.Ordinal),
            "canonicalisation changed more than spaces");
        FuzzInvariantException.Require(CanonicalValue(name, canonical) == canonical, "canonicalisation is not idempotent");
    }

    /// <summary>The value as <see cref="SigV4CanonicalRequest"/> writes it, read back from the header block of a one-header request.</summary>
    private static string CanonicalValue(string name, string value)
    {
        string text = SigV4CanonicalRequest.Build("POST", "/", [new SigV4Header(name, value)], []);
        int start = "POST\n/\n\n".Length + name.Length + 1;
        int end = text.Length - (2 + name.Length + 1 + 64);
        return text[start..end];
    }
}
