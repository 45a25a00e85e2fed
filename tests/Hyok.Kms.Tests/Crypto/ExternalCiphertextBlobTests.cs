using Hyok.Kms.Crypto;
using Hyok.Kms.ExternalKeyStores;

namespace Hyok.Kms.Tests.Crypto;

public sealed class ExternalCiphertextBlobTests
{
    private static readonly Guid KeyId = Guid.Parse("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");
    private static readonly byte[] Check = [.. Enumerable.Repeat((byte)0xCC, 16)];

    [Fact]
    public void ToBytes_Layout_HeaderCheckIvMetadataTagCiphertext()
    {
        var outer = new XksCiphertext([.. Enumerable.Repeat((byte)0x55, 28)], [.. Enumerable.Repeat((byte)0x11, 12)], [.. Enumerable.Repeat((byte)0x22, 16)], [0x33, 0x44]);

        byte[] bytes = new ExternalCiphertextBlob(KeyId, Check, outer).ToBytes();

        Assert.Equal(
            "020A1B2C3D4E5F60718293A4B5C6D7E8F9" + new string('C', 32) + "0C" + new string('1', 24) + "023344" + new string('2', 32) + new string('5', 56),
            Convert.ToHexString(bytes));
    }

    [Theory]
    [InlineData(12, null)]
    [InlineData(16, 0)]
    [InlineData(12, 20)]
    public void TryParse_ToBytesOutput_RoundTrips(int ivLength, int? metadataLength)
    {
        byte[]? metadata = metadataLength is { } length ? [.. Enumerable.Range(1, length).Select(i => (byte)i)] : null;
        var outer = new XksCiphertext([.. Enumerable.Range(0, 40).Select(i => (byte)i)], new byte[ivLength], [.. Enumerable.Repeat((byte)7, 16)], metadata);

        Assert.True(ExternalCiphertextBlob.TryParse(new ExternalCiphertextBlob(KeyId, Check, outer).ToBytes(), out var parsed));

        Assert.Equal(KeyId, parsed.KeyId);
        Assert.Equal(Check, parsed.ContextCheck);
        Assert.Equal(outer.Ciphertext, parsed.Outer.Ciphertext);
        Assert.Equal(outer.InitializationVector, parsed.Outer.InitializationVector);
        Assert.Equal(outer.AuthenticationTag, parsed.Outer.AuthenticationTag);
        Assert.Equal(metadata, parsed.Outer.Metadata);
    }

    [Fact]
    public void TryParse_MalformedOrTruncated_ReturnsFalse()
    {
        var outer = new XksCiphertext(new byte[28], new byte[12], new byte[16], [1]);
        byte[] good = new ExternalCiphertextBlob(KeyId, Check, outer).ToBytes();

        for (int length = 0; length < good.Length; length++)
        {
            Assert.False(ExternalCiphertextBlob.TryParse(good.AsSpan(0, length), out _), $"accepted a blob cut to {length} bytes");
        }

        Assert.False(ExternalCiphertextBlob.TryParse(With(good, 0, 0x01), out _));
        Assert.False(ExternalCiphertextBlob.TryParse(With(good, 33, 13), out _));
        Assert.False(ExternalCiphertextBlob.TryParse(With(good, 46, 21), out _));
        Assert.True(ExternalCiphertextBlob.TryParse(good, out _));
    }

    [Fact]
    public void ContextCheck_DependsOnContextKeyAndMaterial()
    {
        byte[] material = new byte[32];
        byte[] header = CiphertextBlob.Header(ExternalCiphertextBlob.Version2, KeyId);
        var context = new Dictionary<string, string> { ["a"] = "1" };

        byte[] check = DoubleEnvelope.ContextCheck(material, header, "arn:k", context);

        Assert.Equal(16, check.Length);
        Assert.Equal(check, DoubleEnvelope.ContextCheck(material, header, "arn:k", new Dictionary<string, string> { ["a"] = "1" }));
        Assert.NotEqual(check, DoubleEnvelope.ContextCheck(material, header, "arn:k", new Dictionary<string, string> { ["a"] = "2" }));
        Assert.NotEqual(check, DoubleEnvelope.ContextCheck(material, header, "arn:other", context));
        Assert.NotEqual(check, DoubleEnvelope.ContextCheck(new byte[32].Select(_ => (byte)1).ToArray(), header, "arn:k", context));
    }

    [Fact]
    public void SealInner_OpensOnlyWithSameMaterialHeaderArnAndContext()
    {
        byte[] material = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
        byte[] header = CiphertextBlob.Header(ExternalCiphertextBlob.Version2, KeyId);
        var context = new Dictionary<string, string> { ["a"] = "1" };

        byte[] inner = DoubleEnvelope.SealInner(material, header, "arn:k", context, [9, 8, 7]);

        Assert.Equal(3 + DoubleEnvelope.InnerOverhead, inner.Length);
        Assert.True(DoubleEnvelope.TryOpenInner(material, header, "arn:k", context, inner, out byte[]? plaintext));
        Assert.Equal(new byte[] { 9, 8, 7 }, plaintext);
        Assert.False(DoubleEnvelope.TryOpenInner(material, header, "arn:k", new Dictionary<string, string>(), inner, out _));
        Assert.False(DoubleEnvelope.TryOpenInner(material, header, "arn:x", context, inner, out _));
        Assert.False(DoubleEnvelope.TryOpenInner(material, CiphertextBlob.Header(ExternalCiphertextBlob.Version2, Guid.NewGuid()), "arn:k", context, inner, out _));
        Assert.False(DoubleEnvelope.TryOpenInner(new byte[32], header, "arn:k", context, inner, out _));
        Assert.False(DoubleEnvelope.TryOpenInner(material, header, "arn:k", context, inner.AsSpan(0, 27), out _));
    }

    private static byte[] With(byte[] bytes, int index, byte value)
    {
        byte[] copy = [.. bytes];
        copy[index] = value;
        return copy;
    }
}
