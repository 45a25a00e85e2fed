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

    [Fact]
    public void ValueAtPercentile_SubMillisecondValues_AreExactToTheMicrosecond()
    {
        var histogram = new LatencyHistogram();
        foreach (var micros in new long[] { 120, 350, 351, 999 })
        {
            histogram.Record(micros);
        }

        Assert.Equal(120, histogram.ValueAtPercentile(25));
        Assert.Equal(350, histogram.ValueAtPercentile(50));
        Assert.Equal(351, histogram.ValueAtPercentile(75));
        Assert.Equal(999, histogram.ValueAtPercentile(99));
    }

    [Theory]
    [InlineData(250_000)]
    [InlineData(2_500_000)]
    [InlineData(30_000_000)]
    public void ValueAtPercentile_SecondsAmongMilliseconds_TailWithinOneThousandth(long slow)
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 990; i++)
        {
            histogram.Record(1500 + i);
        }

        for (var i = 0; i < 10; i++)
        {
            histogram.Record(slow);
        }

        Assert.Equal(1999, histogram.ValueAtPercentile(50));
        Assert.InRange(histogram.ValueAtPercentile(99.9), slow, slow * 1.001);
        Assert.Equal(slow, histogram.MaxMicros);
    }
}
