using Hyok.Kms.Crypto;

namespace Hyok.Kms.Tests.Crypto;

public sealed class CiphertextBlobTests
{
    private static readonly Guid KeyId = Guid.Parse("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");

    [Fact]
    public void ToBytes_Layout_VersionKeyIdBigEndianIvTagCiphertext()
    {
        byte[] iv = [.. Enumerable.Repeat((byte)0x11, 12)];
        byte[] tag = [.. Enumerable.Repeat((byte)0x22, 16)];
        var blob = new CiphertextBlob(CiphertextBlob.Version1, KeyId, iv, tag, [0x33, 0x44]);

        byte[] bytes = blob.ToBytes();

        Assert.Equal("010A1B2C3D4E5F60718293A4B5C6D7E8F9" + new string('1', 24) + new string('2', 32) + "3344", Convert.ToHexString(bytes));
    }

    [Fact]
    public void TryParse_ToBytesOutput_RoundTrips()
    {
        var blob = new CiphertextBlob(CiphertextBlob.Version1, KeyId, new byte[12], new byte[16], [1, 2, 3]);

        Assert.True(CiphertextBlob.TryParse(blob.ToBytes(), out var parsed));

        Assert.Equal(KeyId, parsed.KeyId);
        Assert.Equal(new byte[] { 1, 2, 3 }, parsed.Ciphertext);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x02)]
    [InlineData(0xFF)]
    public void TryParse_UnknownVersion_False(byte version)
    {
        byte[] bytes = new CiphertextBlob(CiphertextBlob.Version1, KeyId, new byte[12], new byte[16], [1]).ToBytes();
        bytes[0] = version;

        Assert.False(CiphertextBlob.TryParse(bytes, out _));
    }

    [Fact]
    public void TryParse_ShorterThanOverhead_False()
    {
        Assert.False(CiphertextBlob.TryParse(new byte[CiphertextBlob.Overhead - 1], out _));
    }
}
