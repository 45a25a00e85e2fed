using System.Text;

namespace Hyok.Keys.Software;

/// <summary>
/// A newly generated credential: the only time the secret is handed out. Show it once, to be entered in KMS.
/// <see cref="object.ToString"/> redacts the secret.
/// </summary>
/// <param name="KeyStore">The logical key store the credential signs for.</param>
/// <param name="AccessKeyId">The access key id (26 Base32 characters).</param>
/// <param name="Secret">The secret access key (Base64 of 32 random bytes).</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record IssuedCredential(string KeyStore, string AccessKeyId, string Secret, DateTimeOffset CreatedAt)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("KeyStore = ").Append(KeyStore)
            .Append(", AccessKeyId = ").Append(AccessKeyId)
            .Append(", Secret = (redacted), CreatedAt = ").Append(CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
