using Hyok.Cli.Bench;

namespace Hyok.Cli.Tests.Bench;

/// <summary>The bench histogram: exact small values, at most 0.1 % error above, percentiles by rank, max exact.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void ValueAtPercentile_Empty_IsZero()
    {
        Assert.Equal(0, new LatencyHistogram().ValueAtPercentile(99));
    }

    [Fact]
    public void ValueAtPercentile_OneToThousand_IsExactByRank()
    {
        var histogram = new LatencyHistogram();
        for (var value = 1000; value >= 1; value--)
        {
            histogram.Record(value);
        }

        Assert.Equal(1000, histogram.Count);
        Assert.Equal(500, histogram.ValueAtPercentile(50));
        Assert.Equal(990, histogram.ValueAtPercentile(99));
        Assert.Equal(999, histogram.ValueAtPercentile(99.9));
        Assert.Equal(1000, histogram.ValueAtPercentile(100));
        Assert.Equal(1000, histogram.MaxMicros);
    }

    [Theory]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(123_456)]
    [InlineData(9_999_999)]
    public void ValueAtPercentile_LargeValue_WithinOneThousandth(long micros)
    {
        var histogram = new LatencyHistogram();
        histogram.Record(micros);
        histogram.Record(1);

        var reported = histogram.ValueAtPercentile(99);

        Assert.InRange(reported, micros, micros * 1.001);
        Assert.InRange(histogram.ValueAtPercentile(50), 1, 1);
    }

    [Fact]
    public void Record_BeyondRangeOrNegative_IsClamped()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-5);
        histogram.Record(long.MaxValue);

        Assert.Equal(0, histogram.ValueAtPercentile(50));
        Assert.Equal((1L << 26) - 1, histogram.MaxMicros);
    }

    [Fact]
    public async Task Record_Concurrently_LosesNothing()
    {
        var histogram = new LatencyHistogram();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                histogram.Record(i % 5000);
            }
        })));

        Assert.Equal(80_000, histogram.Count);
        Assert.Equal(4999, histogram.MaxMicros);
    }
}
