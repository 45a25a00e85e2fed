using Hyok.Server.Limits;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// The thread pool's dispatch delay as admission judges it: one long probe is a blip, two in a row are a delay, a
/// short one ends it; and the real probe, against a thread pool kept busy on purpose (a collection of its own, so no
/// other test shares the starved pool).
/// </summary>
[Collection(DispatchProbeGroup.Name)]
public sealed class DispatchDelayTests
{
    private static readonly long Second = TimeProvider.System.TimestampFrequency;
    private static readonly long Millisecond = Second / 1000;

    [Fact]
    public void CurrentAt_NoProbeYet_Zero()
    {
        using var delay = new DispatchDelay(TimeSpan.FromSeconds(1), TimeProvider.System);

        Assert.Equal(TimeSpan.Zero, delay.CurrentAt(5 * Second));
    }

    [Fact]
    public void CurrentAt_OneLongProbeThenAShortOne_Short()
    {
        using var delay = new DispatchDelay(TimeSpan.FromSeconds(1), TimeProvider.System);
        Probe(delay, at: 10 * Second, waited: 300 * Millisecond); // a GC pause, say

        Probe(delay, at: 11 * Second, waited: 1 * Millisecond);

        Assert.Equal(TimeSpan.FromMilliseconds(1), delay.CurrentAt(12 * Second));
    }

    [Fact]
    public void CurrentAt_OneLongProbeOnly_NotYetADelay()
    {
        using var delay = new DispatchDelay(TimeSpan.FromSeconds(1), TimeProvider.System);

        Probe(delay, at: 10 * Second, waited: 300 * Millisecond);

        Assert.Equal(TimeSpan.Zero, delay.CurrentAt(11 * Second));
    }

    [Fact]
    public void CurrentAt_TwoLongProbesInARow_TheShorterOfThem()
    {
        using var delay = new DispatchDelay(TimeSpan.FromSeconds(1), TimeProvider.System);
        Probe(delay, at: 10 * Second, waited: 300 * Millisecond);

        Probe(delay, at: 11 * Second, waited: 200 * Millisecond);

        Assert.Equal(TimeSpan.FromMilliseconds(200), delay.CurrentAt(12 * Second));
    }

    [Fact]
    public void CurrentAt_LongProbeThenTheNextStillWaiting_GrowsWithItsWaitUpToTheLastOne()
    {
        using var delay = new DispatchDelay(TimeSpan.FromSeconds(1), TimeProvider.System);
        Probe(delay, at: 10 * Second, waited: 300 * Millisecond);
        delay.Queued(11 * Second);

        Assert.Equal(TimeSpan.FromMilliseconds(120), delay.CurrentAt((11 * Second) + (120 * Millisecond)));
        Assert.Equal(TimeSpan.FromMilliseconds(300), delay.CurrentAt(13 * Second));
    }

    [Fact]
    public void CurrentAt_AfterADelayAShortProbe_EndsIt()
    {
        using var delay = new DispatchDelay(TimeSpan.FromSeconds(1), TimeProvider.System);
        Probe(delay, at: 10 * Second, waited: 300 * Millisecond);
        Probe(delay, at: 11 * Second, waited: 400 * Millisecond);

        Probe(delay, at: 12 * Second, waited: 2 * Millisecond);

        Assert.Equal(TimeSpan.FromMilliseconds(2), delay.CurrentAt(13 * Second));
    }

    [Fact]
    public async Task Current_ThreadPoolKeptBusy_RisesThenFallsWhenFree()
    {
        using var delay = new DispatchDelay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        delay.Start();
        using var stop = new CancellationTokenSource();
        var threshold = TimeSpan.FromMilliseconds(50);

        // Work items of 20 ms each, about 200 always queued: every probe waits behind them (about a second).
        var flood = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                while (ThreadPool.PendingWorkItemCount < 200)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(_ => Thread.Sleep(20), null);
                }

                Thread.Sleep(5);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var rose = await WaitForAsync(() => delay.Current >= threshold);
        stop.Cancel();
        await flood;

        Assert.True(rose, $"the dispatch delay stayed at {delay.Current.TotalMilliseconds} ms while the pool was flooded");
        Assert.True(await WaitForAsync(() => delay.Current < threshold, TimeSpan.FromSeconds(60)), $"the dispatch delay stayed at {delay.Current.TotalMilliseconds} ms after the flood");
    }

    private static void Probe(DispatchDelay delay, long at, long waited)
    {
        delay.Queued(at - waited);
        delay.Ran(at);
    }

    /// <summary>Polls from a thread of its own (the pool may be the thing that is busy).</summary>
    private static Task<bool> WaitForAsync(Func<bool> condition, TimeSpan? within = null) =>
        Task.Factory.StartNew(() =>
        {
            var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
            while (DateTime.UtcNow < until)
            {
                if (condition())
                {
                    return true;
                }

                Thread.Sleep(5);
            }

            return condition();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}

/// <summary>Tests that starve the thread pool on purpose run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DispatchProbeGroup
{
    public const string Name = "Dispatch probe (starves the thread pool)";
}
