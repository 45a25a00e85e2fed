using System.Net;
using Hyok.Cli.Bench;

namespace Hyok.Cli.Tests.Bench;

/// <summary>When a run is judged, and which part of the SLO fails.</summary>
public sealed class BenchSloTests
{
    [Fact]
    public void For_ClosedLoopWithoutBound_IsNoVerdict()
    {
        Assert.Null(BenchSlo.For(Settings(rate: 0, p99: null)));
    }

    [Fact]
    public void For_RateWithoutBound_UsesDefaultP99AndNinetyNinePercentOfTheRate()
    {
        Assert.Equal(new BenchSlo(BenchSlo.DefaultP99Ms, 198), BenchSlo.For(Settings(rate: 200, p99: null)));
    }

    [Fact]
    public void Judge_FastAndComplete_Passes()
    {
        var verdict = new BenchSlo(5, 99).Judge(Result(answered: 100, micros: 2000, errors: 0, windowSeconds: 1));

        Assert.True(verdict.Pass, verdict.ToString());
    }

    [Fact]
    public void Judge_P99AboveBound_FailsOnLatencyOnly()
    {
        var verdict = new BenchSlo(1, 99).Judge(Result(answered: 100, micros: 2000, errors: 0, windowSeconds: 1));

        Assert.Equal((false, true, true), (verdict.P99Pass, verdict.RatePass, verdict.SuccessPass));
        Assert.Equal("FAIL", verdict.Word);
    }

    [Fact]
    public void Judge_TwoPercentErrors_FailsOnRateAndSuccess()
    {
        var verdict = new BenchSlo(5, 99).Judge(Result(answered: 100, micros: 2000, errors: 2, windowSeconds: 1));

        Assert.Equal((true, false, false), (verdict.P99Pass, verdict.RatePass, verdict.SuccessPass));
    }

    [Fact]
    public void Judge_NothingAnswered_Fails()
    {
        Assert.False(new BenchSlo(5, null).Judge(Result(answered: 0, micros: 0, errors: 0, windowSeconds: 1)).Pass);
    }

    private static BenchResult Result(int answered, long micros, int errors, double windowSeconds)
    {
        var tally = new BenchTally(0);
        for (var i = 0; i < answered; i++)
        {
            tally.Ended(BenchOperation.Encrypt, micros, i < errors ? "503 ThrottlingException" : null);
        }

        return new BenchResult(tally, TimeSpan.FromSeconds(windowSeconds), Interrupted: false) { Window = TimeSpan.FromSeconds(windowSeconds) };
    }

    private static BenchSettings Settings(int rate, double? p99) => new(
        BenchMix.Single(BenchOperation.Encrypt), 32, 0, 16, TimeSpan.FromSeconds(1), TimeSpan.Zero, 0, HttpVersion.Version20, Json: false, Rate: rate, SloP99Ms: p99);
}
