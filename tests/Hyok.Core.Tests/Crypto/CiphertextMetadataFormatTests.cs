using Hyok.Crypto;
using Hyok.Protocol;

namespace Hyok.Core.Tests.Crypto;

public sealed class CiphertextMetadataFormatTests
{
    [Theory]
    [InlineData(1, "0201")]
    [InlineData(255, "02FF")]
    [InlineData(256, "020100")]
    [InlineData(65536, "02010000")]
    [InlineData(16777216, "0201000000")]
    [InlineData(int.MaxValue, "027FFFFFFF")]
    public void ForVersion_Version_IsFormat2CompactAndReadsBack(int version, string hex)
    {
        byte[] metadata = CiphertextMetadataFormat.ForVersion(version);

        Assert.Equal(hex, Convert.ToHexString(metadata));
        Assert.InRange(metadata.Length, 2, XksLimits.MaxCiphertextMetadataBytes);
        Assert.True(CiphertextMetadataFormat.TryReadVersion(metadata, out int read));
        Assert.Equal(version, read);
    }

    [Fact]
    public void TryReadVersion_Format1_IsVersion1()
    {
        Assert.True(CiphertextMetadataFormat.TryReadVersion([0x01], out int version));
        Assert.Equal(1, version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("02")]
    [InlineData("0200")]
    [InlineData("020001")]
    [InlineData("0100")]
    [InlineData("03")]
    [InlineData("0301")]
    [InlineData("0280000000")]
    [InlineData("020100000000")]
    [InlineData("00")]
    public void TryReadVersion_UnknownOrNonCanonical_IsRefused(string hex)
    {
        Assert.False(CiphertextMetadataFormat.TryReadVersion(Convert.FromHexString(hex), out _));
        Assert.False(CiphertextMetadataFormat.IsSupported(Convert.FromHexString(hex)));
    }
}
