using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Kms.Crypto;

/// <summary>
/// The emulator's half of the double encryption of an EXTERNAL_KEY_STORE key (xks-spec.md §11), under the KMS key's own
/// 32-byte inner material. Two keys are derived from it with HKDF-SHA256 (no salt): the inner layer's AES-256-GCM key
/// (info <c>hyok-kms/xks/inner</c>) and the context check's HMAC-SHA256 key (info <c>hyok-kms/xks/context-check</c>).
/// <list type="bullet">
/// <item>Inner layer: <c>inner IV (12) || inner tag (16) || inner ciphertext</c>, AAD = <see cref="EncryptionContextEncoding"/>
/// of the blob header, key ARN and encryption context. This is what the proxy gets as its plaintext.</item>
/// <item>Context check: the first 16 bytes of HMAC-SHA256 over that same AAD; lets Decrypt tell a wrong encryption
/// context (InvalidCiphertextException) from a proxy answer that does not open (KMSInvalidStateException).</item>
/// <item>Outer AAD, sent to the proxy: the encoding of the header and key ARN with an empty context, binding the
/// proxy's layer to the KMS key and blob version.</item>
/// </list>
/// </summary>
internal static class DoubleEnvelope
{
    public const int InnerOverhead = CiphertextBlob.IvSize + CiphertextBlob.TagSize;

    private static readonly byte[] InnerInfo = Encoding.ASCII.GetBytes("hyok-kms/xks/inner");
    private static readonly byte[] CheckInfo = Encoding.ASCII.GetBytes("hyok-kms/xks/context-check");
    private static readonly Dictionary<string, string> NoContext = [];

    public static byte[] OuterAad(byte[] header, string keyArn) => EncryptionContextEncoding.Aad(header, keyArn, NoContext);

    public static byte[] ContextCheck(ReadOnlySpan<byte> material, byte[] header, string keyArn, IReadOnlyDictionary<string, string> context)
    {
        byte[] key = Derive(material, CheckInfo);
        try
        {
            return HMACSHA256.HashData(key, EncryptionContextEncoding.Aad(header, keyArn, context))[..ExternalCiphertextBlob.ContextCheckSize];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public static byte[] SealInner(ReadOnlySpan<byte> material, byte[] header, string keyArn, IReadOnlyDictionary<string, string> context, ReadOnlySpan<byte> plaintext)
    {
        byte[] inner = new byte[InnerOverhead + plaintext.Length];
        var iv = inner.AsSpan(0, CiphertextBlob.IvSize);
        RandomNumberGenerator.Fill(iv);
        using var gcm = InnerCipher(material);
        gcm.Encrypt(iv, plaintext, inner.AsSpan(InnerOverhead), inner.AsSpan(CiphertextBlob.IvSize, CiphertextBlob.TagSize),
            EncryptionContextEncoding.Aad(header, keyArn, context));
        return inner;
    }

    /// <summary>False when <paramref name="inner"/> is too short or its tag does not verify.</summary>
    public static bool TryOpenInner(
        ReadOnlySpan<byte> material, byte[] header, string keyArn, IReadOnlyDictionary<string, string> context, ReadOnlySpan<byte> inner,
        [NotNullWhen(true)] out byte[]? plaintext)
    {
        plaintext = null;
        if (inner.Length < InnerOverhead)
        {
            return false;
        }

        byte[] output = GC.AllocateArray<byte>(inner.Length - InnerOverhead, pinned: true);
        try
        {
            using var gcm = InnerCipher(material);
            gcm.Decrypt(inner[..CiphertextBlob.IvSize], inner[InnerOverhead..], inner.Slice(CiphertextBlob.IvSize, CiphertextBlob.TagSize), output,
                EncryptionContextEncoding.Aad(header, keyArn, context));
            plaintext = output;
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static AesGcm InnerCipher(ReadOnlySpan<byte> material)
    {
        byte[] key = Derive(material, InnerInfo);
        try
        {
            return new AesGcm(key, CiphertextBlob.TagSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] Derive(ReadOnlySpan<byte> material, byte[] info)
    {
        byte[] key = GC.AllocateArray<byte>(32, pinned: true);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, material, key, [], info);
        return key;
    }
}
