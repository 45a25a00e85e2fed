using System.Text;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// The proxy's outer layer of an XKS ciphertext (xks-spec.md §4.2, §11): what Decrypt must send back, byte for byte.
/// <see cref="object.ToString"/> prints sizes only.
/// </summary>
/// <param name="Ciphertext">The encrypted bytes (as long as the plaintext sent).</param>
/// <param name="InitializationVector">12 or 16 bytes.</param>
/// <param name="AuthenticationTag">16 bytes.</param>
/// <param name="Metadata">The proxy's <c>ciphertextMetadata</c> (at most 20 bytes), or null.</param>
public sealed record XksCiphertext(byte[] Ciphertext, byte[] InitializationVector, byte[] AuthenticationTag, byte[]? Metadata)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Ciphertext = (").Append(Ciphertext.Length).Append(" bytes), InitializationVector = (")
            .Append(InitializationVector.Length).Append(" bytes), AuthenticationTag = (").Append(AuthenticationTag.Length)
            .Append(" bytes), Metadata = (").Append(Metadata?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none").Append(')');
        return true;
    }
}
