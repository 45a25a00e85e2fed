namespace Hyok.Kms.Keys;

/// <summary>
/// One KMS key as the emulator stores it (without its material, which stays sealed in the database).
/// <see cref="CustomKeyStoreId"/> and <see cref="XksKeyId"/> are null for AWS_KMS keys and are there for
/// EXTERNAL_KEY_STORE keys (the external key's id in the proxy).
/// </summary>
public sealed record KmsKey(
    Guid Id,
    string Arn,
    string Origin,
    KmsKeyState State,
    string Description,
    DateTimeOffset CreationDate,
    DateTimeOffset? DeletionDate = null,
    string? CustomKeyStoreId = null,
    string? XksKeyId = null)
{
    public const string KeySpec = "SYMMETRIC_DEFAULT";
    public const string KeyUsage = "ENCRYPT_DECRYPT";

    /// <summary>The key id as the API writes it: the lower-case UUID.</summary>
    public string KeyId => Id.ToString("D");
}
