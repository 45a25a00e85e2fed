using Hyok.Protocol;

namespace Hyok.Core.Tests.Protocol;

public sealed class StrictBase64Tests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("SGVsbG8gV29ybGQh", 12)]
    [InlineData("cGxhaW50ZXh0Cg==", 10)]
    [InlineData("a2V5X3ZlcnNpb249MQ==", 13)]
    [InlineData("+/+/", 3)]
    public void TryDecode_StandardPadded_Decodes(string value, int length)
    {
        Assert.True(StrictBase64.TryDecode(value, out var bytes));
        Assert.Equal(length, bytes.Length);
        Assert.Equal(Convert.FromBase64String(value), bytes);
        Assert.Equal(length, StrictBase64.DecodedLength(value));
    }

    [Theory]
    [InlineData("SGVsbG8")]
    [InlineData("SGVs bG8=")]
    [InlineData("SGVsbG8\n")]
    [InlineData("-_-_")]
    [InlineData("====")]
    [InlineData("A===")]
    [InlineData("SG=s")]
    [InlineData("Zm9v\u00e9")]
    public void TryDecode_NotStandardPadded_Fails(string value)
    {
        Assert.False(StrictBase64.TryDecode(value, out _));
    }
}
