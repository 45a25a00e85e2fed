using Hyok.Cli.Bench;

namespace Hyok.Cli.Tests.Bench;

/// <summary>The open loop's timetable and its in-flight limit, on a clock of 1000 ticks a second.</summary>
public sealed class OpenLoopScheduleTests
{
    [Fact]
    public void IntendedStart_ThreeASecond_IsEvenlySpacedFromStart()
    {
        var schedule = new OpenLoopSchedule(start: 5000, rate: 3, frequency: 1000);

        Assert.Equal([5000L, 5333, 5666, 6000, 6333], Enumerable.Range(0, 5).Select(i => schedule.IntendedStart(i)));
    }

    [Fact]
    public void DueCount_AroundEachIntendedStart_CountsRequestsDueAtOrBefore()
    {
        var schedule = new OpenLoopSchedule(start: 5000, rate: 3, frequency: 1000);

        Assert.Equal(0, schedule.DueCount(4999));
        Assert.Equal(1, schedule.DueCount(5000));
        Assert.Equal(1, schedule.DueCount(5332));
        Assert.Equal(2, schedule.DueCount(5333));
        Assert.Equal(4, schedule.DueCount(6000));
    }

    [Theory]
    [InlineData(1, 1_000_000_000)]
    [InlineData(1800, 1_000_000_000)]
    [InlineData(7, 1000)]
    [InlineData(100_000, 10_000_000)]
    public void DueCount_AtEveryIntendedStart_IsOneMoreThanItsIndex(int rate, long frequency)
    {
        var schedule = new OpenLoopSchedule(start: 123, rate, frequency);

        foreach (var index in new long[] { 0, 1, 2, 999, 1_000_003, rate * 86_400L })
        {
            Assert.Equal(index + 1, schedule.DueCount(schedule.IntendedStart(index)));
            Assert.Equal(index, schedule.DueCount(schedule.IntendedStart(index) - 1));
        }
    }

    [Fact]
    public void TryEnter_AtLimit_RefusesUntilOneExits()
    {
        var limit = new InFlightLimit(2);

        Assert.True(limit.TryEnter());
        Assert.True(limit.TryEnter());
        Assert.False(limit.TryEnter());
        limit.Exit();
        Assert.True(limit.TryEnter());
        Assert.Equal(2, limit.Peak);
        Assert.Equal(2, limit.InFlight);
    }

    [Fact]
    public async Task DrainAsync_WithRequestsInFlight_CompletesWhenTheLastExits()
    {
        var limit = new InFlightLimit(10);
        limit.TryEnter();
        limit.TryEnter();

        var drained = limit.DrainAsync();
        limit.Exit();
        Assert.False(drained.IsCompleted);
        limit.Exit();

        await drained.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(new InFlightLimit(1).DrainAsync().IsCompleted);
    }
}
