using System.Security.Cryptography;
using Hyok.Kms.Crypto;
using Hyok.Kms.Keys;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>
/// Encrypts under and decrypts with a KMS key, by its origin: AWS_KMS keys here, under the material the emulator holds
/// (blob version 1); EXTERNAL_KEY_STORE keys through <see cref="ExternalKeyCrypto"/>'s double encryption (blob version 2,
/// xks-spec.md §11).
/// </summary>
internal sealed class KeyCrypto(KmsContext context)
{
    private readonly ExternalKeyCrypto _external = new(context);

    public const int MaxPlaintextBytes = 4096;
    public const int MaxCiphertextBytes = 6144;
    public const string Algorithm = "SYMMETRIC_DEFAULT";

    public static readonly string[] Algorithms = ["SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE"];

    public static void RequireSymmetric(string? algorithm)
    {
        if (algorithm is not null && algorithm != Algorithm)
        {
            throw new KmsException(KmsErrors.InvalidKeyUsage($"The encryption algorithm {algorithm} is not valid for this key; use SYMMETRIC_DEFAULT."));
        }
    }

    /// <summary>Encrypts under an enabled key: AES-GCM under its material (AWS_KMS, blob v1) or double encryption (EXTERNAL_KEY_STORE, blob v2).</summary>
    public async ValueTask<byte[]> EncryptAsync(KmsKey key, IReadOnlyDictionary<string, string> encryptionContext, byte[] plaintext, KmsCall call)
    {
        KmsContext.RequireEnabled(key);
        if (key.Origin == KmsKeyOrigin.ExternalKeyStore)
        {
            return await _external.EncryptAsync(key, encryptionContext, plaintext, call).ConfigureAwait(false);
        }

        byte[] material = OpenMaterial(key);
        try
        {
            return SymmetricEnvelope.Encrypt(material, key.Id, key.Arn, encryptionContext, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>Decrypts a blob of either version; <paramref name="expectedKeyId"/> (the request's KeyId) must name the blob's key.</summary>
    public async ValueTask<(KmsKey Key, byte[] Plaintext)> DecryptAsync(
        byte[] ciphertextBlob, IReadOnlyDictionary<string, string> encryptionContext, string? expectedKeyId, KmsCall call)
    {
        CiphertextBlob? blob = null;
        ExternalCiphertextBlob? external = null;
        if (!CiphertextBlob.TryParse(ciphertextBlob, out blob) && !ExternalCiphertextBlob.TryParse(ciphertextBlob, out external))
        {
            throw new KmsException(KmsErrors.InvalidCiphertext());
        }

        Guid keyId = blob?.KeyId ?? external!.KeyId;
        if (expectedKeyId is not null && context.ResolveKey(expectedKeyId).Id != keyId)
        {
            throw new KmsException(KmsErrors.IncorrectKey());
        }

        var key = KmsContext.RequireEnabled(context.FindLiveKey(keyId));
        if ((external is not null) != (key.Origin == KmsKeyOrigin.ExternalKeyStore))
        {
            throw new KmsException(KmsErrors.InvalidCiphertext());
        }

        if (external is not null)
        {
            return (key, await _external.DecryptAsync(key, external, encryptionContext, call).ConfigureAwait(false));
        }

        byte[] material = OpenMaterial(key);
        try
        {
            return SymmetricEnvelope.TryDecrypt(material, blob!, key.Arn, encryptionContext, out byte[]? plaintext)
                ? (key, plaintext)
                : throw new KmsException(KmsErrors.InvalidCiphertext());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private byte[] OpenMaterial(KmsKey key) =>
        key.Origin == KmsKeyOrigin.AwsKms && context.Database.OpenMaterial(key.Id) is { } material
            ? material
            : throw new KmsException(KmsErrors.Internal());
}
