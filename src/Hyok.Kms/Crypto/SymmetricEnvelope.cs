using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Hyok.Kms.Crypto;

/// <summary>AES-256-GCM under a key's 32-byte material, producing and opening version-1 <see cref="CiphertextBlob"/>s.</summary>
internal static class SymmetricEnvelope
{
    public static byte[] Encrypt(ReadOnlySpan<byte> material, Guid keyId, string keyArn, IReadOnlyDictionary<string, string> context, ReadOnlySpan<byte> plaintext)
    {
        byte[] header = CiphertextBlob.Header(CiphertextBlob.Version1, keyId);
        byte[] iv = RandomNumberGenerator.GetBytes(CiphertextBlob.IvSize);
        byte[] tag = new byte[CiphertextBlob.TagSize];
        byte[] ciphertext = new byte[plaintext.Length];
        using var gcm = new AesGcm(material, CiphertextBlob.TagSize);
        gcm.Encrypt(iv, plaintext, ciphertext, tag, EncryptionContextEncoding.Aad(header, keyArn, context));
        return new CiphertextBlob(CiphertextBlob.Version1, keyId, iv, tag, ciphertext).ToBytes();
    }

    /// <summary>False when the tag does not verify: wrong key, context, ARN, or a modified blob.</summary>
    public static bool TryDecrypt(
        ReadOnlySpan<byte> material, CiphertextBlob blob, string keyArn, IReadOnlyDictionary<string, string> context, [NotNullWhen(true)] out byte[]? plaintext)
    {
        plaintext = null;
        byte[] output = GC.AllocateArray<byte>(blob.Ciphertext.Length, pinned: true);
        try
        {
            using var gcm = new AesGcm(material, CiphertextBlob.TagSize);
            gcm.Decrypt(blob.InitializationVector, blob.Ciphertext, blob.Tag, output,
                EncryptionContextEncoding.Aad(CiphertextBlob.Header(blob.Version, blob.KeyId), keyArn, context));
            plaintext = output;
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
