namespace Hyok.Keys.Software;

/// <summary>A stored XKS credential without its secret, as listed by <see cref="SoftwareKeyStore.ListCredentials"/>.</summary>
/// <param name="KeyStore">The logical key store the credential signs for.</param>
/// <param name="AccessKeyId">The access key id (xks-spec.md §7.2).</param>
/// <param name="CreatedAt">When it was added or imported.</param>
public sealed record CredentialInfo(string KeyStore, string AccessKeyId, DateTimeOffset CreatedAt);
