using System.Text;

namespace Hyok.Protocol;

/// <summary>Decrypt response (xks-spec.md §4.3). <see cref="object.ToString"/> redacts the plaintext (ARCHITECTURE.md §3.10).</summary>
public sealed record DecryptResponse(string Plaintext)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Plaintext = (redacted, ").Append(Plaintext?.Length ?? 0).Append(" Base64 characters)");
        return true;
    }
}
