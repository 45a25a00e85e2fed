using Microsoft.Extensions.Time.Testing;

namespace Hyok.Authorization;

public sealed class BlockListTests
{
    [Theory]
    [InlineData(BlockKind.Key, "k1")]
    [InlineData(BlockKind.KeyStore, "ks1")]
    [InlineData(BlockKind.Principal, BlockFacts.Alice)]
    [InlineData(BlockKind.Service, "ebs")]
    public void Find_BlockOnTheRequestsFact_ReturnsIt(BlockKind kind, string value)
    {
        var block = BlockFacts.Block(7, kind, value);
        var list = new BlockList([block]);

        Assert.Same(block, list.Find(BlockFacts.Encrypt(), BlockFacts.Start));
    }

    [Theory]
    [InlineData(BlockKind.Key, "k2")]
    [InlineData(BlockKind.Key, "K1")]
    [InlineData(BlockKind.KeyStore, "ks2")]
    [InlineData(BlockKind.Principal, "arn:aws:iam::111122223333:user/alice")]
    [InlineData(BlockKind.Principal, "arn:aws:iam::111122223333:user/Alice ")]
    [InlineData(BlockKind.Service, "EBS")]
    [InlineData(BlockKind.Key, "ks1")]
    [InlineData(BlockKind.Principal, "ebs")]
    public void Find_OtherValueOrKind_NoMatch(BlockKind kind, string value)
    {
        var list = new BlockList([BlockFacts.Block(7, kind, value)]);

        Assert.Null(list.Find(BlockFacts.Encrypt(), BlockFacts.Start));
    }

    [Fact]
    public void Find_RequestWithoutPrincipalOrService_NotMatchedByThoseBlocks()
    {
        var list = new BlockList([BlockFacts.Block(1, BlockKind.Principal, BlockFacts.Alice), BlockFacts.Block(2, BlockKind.Service, "ebs")]);

        Assert.Null(list.Find(BlockFacts.Encrypt(principal: null, service: null), BlockFacts.Start));
    }

    [Fact]
    public void Find_BlockExpires_StopsMatchingWithoutAnyChange()
    {
        var clock = new FakeTimeProvider(BlockFacts.Start);
        var list = new BlockList([BlockFacts.Block(1, BlockKind.Key, "k1", BlockFacts.Start.AddMinutes(30))]);

        var before = list.Find(BlockFacts.Encrypt(), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(30));
        var after = list.Find(BlockFacts.Encrypt(), clock.GetUtcNow());

        Assert.NotNull(before);
        Assert.Null(after);
        Assert.Single(list.All);
    }

    [Fact]
    public void Find_Health_OnlyKeyStoreBlocksApply()
    {
        var others = new BlockList([
            BlockFacts.Block(1, BlockKind.Key, "k1"),
            BlockFacts.Block(2, BlockKind.Principal, BlockFacts.Alice),
            BlockFacts.Block(3, BlockKind.Service, "ebs"),
            BlockFacts.Block(4, BlockKind.KeyStore, "ks2"),
        ]);
        var store = new BlockList([BlockFacts.Block(5, BlockKind.KeyStore, "ks1")]);

        Assert.Null(others.Find(BlockFacts.Health("ks1"), BlockFacts.Start));
        Assert.Equal(5, store.Find(BlockFacts.Health("ks1"), BlockFacts.Start)?.Id);
    }

    [Fact]
    public void Find_SeveralMatch_KeyStoreThenKeyThenPrincipalThenService()
    {
        Block[] blocks =
        [
            BlockFacts.Block(1, BlockKind.Service, "ebs"),
            BlockFacts.Block(2, BlockKind.Principal, BlockFacts.Alice),
            BlockFacts.Block(3, BlockKind.Key, "k1"),
            BlockFacts.Block(4, BlockKind.KeyStore, "ks1"),
        ];

        for (int present = blocks.Length; present > 0; present--)
        {
            var list = new BlockList(blocks.Take(present));

            Assert.Equal(present, list.Find(BlockFacts.Encrypt(), BlockFacts.Start)?.Id);
        }
    }

    [Fact]
    public void Find_ExpiredStoreBlock_FallsThroughToActiveKeyBlock()
    {
        var list = new BlockList([
            BlockFacts.Block(1, BlockKind.KeyStore, "ks1", BlockFacts.Start.AddSeconds(-1)),
            BlockFacts.Block(2, BlockKind.Key, "k1"),
        ]);

        Assert.Equal(2, list.Find(BlockFacts.Encrypt(), BlockFacts.Start)?.Id);
    }

    [Fact]
    public void Constructor_SameTargetTwice_KeepsTheOneThatLastsLonger()
    {
        var shortBlock = BlockFacts.Block(1, BlockKind.Key, "k1", BlockFacts.Start.AddMinutes(1));
        var endless = BlockFacts.Block(2, BlockKind.Key, "k1");

        var forward = new BlockList([shortBlock, endless]);
        var backward = new BlockList([endless, shortBlock]);

        Assert.Same(endless, forward.Find(BlockKind.Key, "k1", BlockFacts.Start));
        Assert.Same(endless, backward.Find(BlockKind.Key, "k1", BlockFacts.Start));
        Assert.Equal([endless], backward.All);
    }

    [Fact]
    public void All_ManyBlocks_OrderedById()
    {
        var list = new BlockList([
            BlockFacts.Block(9, BlockKind.Service, "ebs"),
            BlockFacts.Block(2, BlockKind.Key, "k1"),
            BlockFacts.Block(5, BlockKind.KeyStore, "ks1"),
        ]);

        Assert.Equal([2L, 5L, 9L], list.All.Select(b => b.Id));
    }

    [Fact]
    public void Empty_AnyRequest_NoMatch()
    {
        Assert.Empty(BlockList.Empty.All);
        Assert.Null(BlockList.Empty.Find(BlockFacts.Encrypt(), BlockFacts.Start));
        Assert.Null(BlockList.Empty.Find(BlockFacts.Health(), BlockFacts.Start));
    }
}
