using System.Security.Cryptography;
using Hyok.Kms.Crypto;
using Hyok.Kms.Keys;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>
/// Encrypts under and decrypts with a key whose material the emulator holds (AWS_KMS). The one place that opens key
/// material; EXTERNAL_KEY_STORE keys will get their double encryption beside it (xks-spec.md §11).
/// </summary>
internal sealed class KeyCrypto(KmsContext context)
{
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

    public byte[] Encrypt(KmsKey key, IReadOnlyDictionary<string, string> encryptionContext, ReadOnlySpan<byte> plaintext)
    {
        KmsContext.RequireEnabled(key);
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

    /// <summary>Decrypts a blob; <paramref name="expectedKeyId"/> (the request's KeyId) must name the blob's key.</summary>
    public (KmsKey Key, byte[] Plaintext) Decrypt(byte[] ciphertextBlob, IReadOnlyDictionary<string, string> encryptionContext, string? expectedKeyId)
    {
        if (!CiphertextBlob.TryParse(ciphertextBlob, out var blob))
        {
            throw new KmsException(KmsErrors.InvalidCiphertext());
        }

        if (expectedKeyId is not null && context.ResolveKey(expectedKeyId).Id != blob.KeyId)
        {
            throw new KmsException(KmsErrors.IncorrectKey());
        }

        var key = KmsContext.RequireEnabled(context.FindLiveKey(blob.KeyId));
        byte[] material = OpenMaterial(key);
        try
        {
            return SymmetricEnvelope.TryDecrypt(material, blob, key.Arn, encryptionContext, out byte[]? plaintext)
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
