using Hyok.Cli.Bench;

namespace Hyok.Cli.Tests.Bench;

/// <summary><c>--mix</c>: parsing, and a cycle holding each operation exactly its weight, spread out.</summary>
public sealed class BenchMixTests
{
    [Fact]
    public void Parse_IssueExample_KeepsWeightsInOrder()
    {
        var mix = BenchMix.Parse("encrypt=70,decrypt=25,metadata=4,health=1");

        Assert.Equal("mix", mix.Name);
        Assert.Equal("encrypt=70,decrypt=25,metadata=4,health=1", mix.Text);
        Assert.Equal([BenchOperation.Encrypt, BenchOperation.Decrypt, BenchOperation.Metadata, BenchOperation.Health], mix.Operations);
    }

    [Fact]
    public void Indexer_OverOneCycle_SendsEachOperationExactlyItsWeight()
    {
        var mix = BenchMix.Parse("encrypt=70,decrypt=25,metadata=4,health=1");

        var counts = Enumerable.Range(0, 300).Select(i => mix[i]).CountBy(o => o).ToDictionary();

        Assert.Equal(210, counts[BenchOperation.Encrypt]);
        Assert.Equal(75, counts[BenchOperation.Decrypt]);
        Assert.Equal(12, counts[BenchOperation.Metadata]);
        Assert.Equal(3, counts[BenchOperation.Health]);
    }

    [Fact]
    public void Indexer_EqualWeights_Alternates()
    {
        var mix = BenchMix.Parse("health=5, metadata=5");

        Assert.Equal([BenchOperation.Health, BenchOperation.Metadata, BenchOperation.Health, BenchOperation.Metadata], Enumerable.Range(0, 4).Select(i => mix[i]));
    }

    [Fact]
    public void Indexer_ThreeToOne_NeverRunsTheMinorityTwiceInARow()
    {
        var mix = BenchMix.Parse("encrypt=3,decrypt=1");

        var sequence = Enumerable.Range(0, 40).Select(i => mix[i]).ToList();

        Assert.Equal(10, sequence.Count(o => o == BenchOperation.Decrypt));
        Assert.DoesNotContain(sequence.Zip(sequence.Skip(1)), pair => pair is (BenchOperation.Decrypt, BenchOperation.Decrypt));
    }

    [Fact]
    public void Parse_ZeroWeight_LeavesTheOperationOut()
    {
        var mix = BenchMix.Parse("encrypt=1,decrypt=0");

        Assert.Equal("encrypt", mix.Name);
        Assert.False(mix.Includes(BenchOperation.Decrypt));
    }

    [Theory]
    [InlineData("sign=1")]
    [InlineData("encrypt")]
    [InlineData("encrypt=-1")]
    [InlineData("encrypt=1001")]
    [InlineData("encrypt=1,encrypt=2")]
    [InlineData("encrypt=0")]
    [InlineData("1=5")]
    [InlineData("")]
    public void Parse_Invalid_ThrowsFormatException(string text)
    {
        var e = Assert.Throws<FormatException>(() => BenchMix.Parse(text));

        Assert.StartsWith("--mix", e.Message, StringComparison.Ordinal);
    }
}
