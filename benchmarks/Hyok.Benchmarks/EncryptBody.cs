using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Benchmarks;

/// <summary>A realistic Encrypt request body as KMS sends it (xks-spec.md §4.2), with CDIV requested.</summary>
internal static class EncryptBody
{
    public static byte[] Create(int plaintextBytes, int aadBytes)
    {
        string plaintext = Convert.ToBase64String(RandomNumberGenerator.GetBytes(plaintextBytes));
        string aad = Convert.ToBase64String(RandomNumberGenerator.GetBytes(aadBytes));
        string json = string.Create(
            CultureInfo.InvariantCulture,
            $$"""
            {"requestMetadata":{"awsPrincipalArn":"arn:aws:iam::123456789012:role/KeyUser","kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab","kmsOperation":"Encrypt","kmsRequestId":"{{Guid.NewGuid()}}","kmsViaService":"ebs"},"additionalAuthenticatedData":"{{aad}}","plaintext":"{{plaintext}}","encryptionAlgorithm":"AES_GCM","ciphertextDataIntegrityValueAlgorithm":"SHA_256"}
            """);
        return Encoding.UTF8.GetBytes(json);
    }
}
