using System.Security.Cryptography;
using Hyok.Kms.Crypto;

namespace Hyok.Kms.Tests.Crypto;

public sealed class SymmetricEnvelopeTests
{
    private const string Arn = "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";
    private static readonly Guid KeyId = Guid.Parse("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");
    private static readonly byte[] Material = RandomNumberGenerator.GetBytes(32);
    private static readonly SortedDictionary<string, string> Context = new(StringComparer.Ordinal) { ["a"] = "1", ["b"] = "2" };

    [Fact]
    public void TryDecrypt_SameKeyArnAndContext_ReturnsPlaintext()
    {
        Assert.True(CiphertextBlob.TryParse(SymmetricEnvelope.Encrypt(Material, KeyId, Arn, Context, [5, 6]), out var blob));

        Assert.True(SymmetricEnvelope.TryDecrypt(Material, blob, Arn, new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, out byte[]? plaintext));
        Assert.Equal(new byte[] { 5, 6 }, plaintext);
    }

    [Fact]
    public void TryDecrypt_OtherArn_False()
    {
        Assert.True(CiphertextBlob.TryParse(SymmetricEnvelope.Encrypt(Material, KeyId, Arn, Context, [5]), out var blob));

        Assert.False(SymmetricEnvelope.TryDecrypt(Material, blob, Arn.Replace("us-east-1", "eu-west-1", StringComparison.Ordinal), Context, out _));
    }

    [Fact]
    public void TryDecrypt_OtherMaterial_False()
    {
        Assert.True(CiphertextBlob.TryParse(SymmetricEnvelope.Encrypt(Material, KeyId, Arn, Context, [5]), out var blob));

        Assert.False(SymmetricEnvelope.TryDecrypt(RandomNumberGenerator.GetBytes(32), blob, Arn, Context, out _));
    }

    [Fact]
    public void TryDecrypt_HeaderKeyIdChanged_False()
    {
        byte[] bytes = SymmetricEnvelope.Encrypt(Material, KeyId, Arn, Context, [5]);
        bytes[5] ^= 0x01;
        Assert.True(CiphertextBlob.TryParse(bytes, out var blob));

        Assert.False(SymmetricEnvelope.TryDecrypt(Material, blob, Arn, Context, out _));
    }

    [Fact]
    public void Aad_PairsThatConcatenateAlike_Differ()
    {
        byte[] header = CiphertextBlob.Header(CiphertextBlob.Version1, KeyId);

        byte[] first = EncryptionContextEncoding.Aad(header, Arn, new Dictionary<string, string> { ["ab"] = "c" });
        byte[] second = EncryptionContextEncoding.Aad(header, Arn, new Dictionary<string, string> { ["a"] = "bc" });

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Aad_EmptyContext_IsHeaderArnAndZeroCount()
    {
        byte[] header = CiphertextBlob.Header(CiphertextBlob.Version1, KeyId);

        byte[] aad = EncryptionContextEncoding.Aad(header, "arn", new Dictionary<string, string>());

        Assert.Equal(Convert.ToHexString(header) + "00000003" + "61726E" + "00000000", Convert.ToHexString(aad));
    }
}
