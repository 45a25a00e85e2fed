using Hyok.Protocol;

namespace Hyok.Authorization;

public sealed class BlockTests
{
    [Theory]
    [InlineData(BlockKind.Key, XksErrorCode.InvalidStateException)]
    [InlineData(BlockKind.KeyStore, XksErrorCode.InvalidStateException)]
    [InlineData(BlockKind.Principal, XksErrorCode.AccessDeniedException)]
    [InlineData(BlockKind.Service, XksErrorCode.AccessDeniedException)]
    public void ErrorCode_EachKind_IsTheSpecsError(BlockKind kind, XksErrorCode expected)
    {
        Assert.Equal(expected, BlockFacts.Block(1, kind, "x").ErrorCode);
    }

    [Fact]
    public void IsActiveAt_WithEnd_ActiveStrictlyBeforeIt()
    {
        var end = BlockFacts.Start.AddHours(1);
        var block = BlockFacts.Block(1, BlockKind.Key, "k1", end);

        Assert.True(block.IsActiveAt(end.AddTicks(-1)));
        Assert.False(block.IsActiveAt(end));
        Assert.False(block.IsActiveAt(end.AddDays(1)));
    }

    [Fact]
    public void IsActiveAt_WithoutEnd_AlwaysActive()
    {
        Assert.True(BlockFacts.Block(1, BlockKind.Key, "k1").IsActiveAt(DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData(BlockKind.Key, "k1", "block 3 key k1")]
    [InlineData(BlockKind.KeyStore, "ks1", "block 3 key-store ks1")]
    [InlineData(BlockKind.Principal, BlockFacts.Alice, "block 3 principal " + BlockFacts.Alice)]
    [InlineData(BlockKind.Service, "ebs", "block 3 service ebs")]
    public void Describe_EachKind_NamesIdKindAndValue(BlockKind kind, string value, string expected)
    {
        Assert.Equal(expected, BlockFacts.Block(3, kind, value).Describe());
    }

    [Fact]
    public void BlockKinds_EveryKind_RoundTripsThroughItsWord()
    {
        foreach (var kind in Enum.GetValues<BlockKind>())
        {
            Assert.Equal(kind, BlockKinds.Parse(BlockKinds.Text(kind)));
            Assert.Contains(BlockKinds.Text(kind), BlockKinds.Words);
        }

        Assert.Null(BlockKinds.Parse("Key"));
    }
}
