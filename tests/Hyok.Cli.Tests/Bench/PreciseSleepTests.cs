using System.Diagnostics;
using Hyok.Cli.Bench;

namespace Hyok.Cli.Tests.Bench;

/// <summary>
/// The open loop's sleep: never returns before the time it was given (unless capped or interrupted), returns at once
/// for a time that has passed, and is microsecond-precise on Linux. Only lower bounds on time are asserted; the upper
/// bounds are the test's own timeout.
/// </summary>
public sealed class PreciseSleepTests
{
    [Fact]
    public void IsPrecise_OnLinux_True()
    {
        Assert.Equal(OperatingSystem.IsLinux(), PreciseSleep.IsPrecise);
    }

    [Fact]
    public void Until_AFutureTime_DoesNotReturnBeforeIt()
    {
        PreciseSleep.UseFinestTimerSlack();
        for (int i = 0; i < 200; i++)
        {
            var target = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 5000); // 200 µs ahead: below a managed sleep's resolution

            PreciseSleep.Until(target, TimeSpan.FromSeconds(1), CancellationToken.None);

            Assert.True(Stopwatch.GetTimestamp() >= target);
        }
    }

    [Fact]
    public void Until_APastTime_ReturnsAtOnce()
    {
        var before = Stopwatch.GetTimestamp();

        PreciseSleep.Until(before - Stopwatch.Frequency, TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.True(Stopwatch.GetElapsedTime(before) < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Until_FarAhead_SleepsAtMostTheCap()
    {
        var before = Stopwatch.GetTimestamp();

        PreciseSleep.Until(before + (3600 * Stopwatch.Frequency), TimeSpan.FromMilliseconds(20), CancellationToken.None);

        var slept = Stopwatch.GetElapsedTime(before);
        Assert.True(slept >= TimeSpan.FromMilliseconds(19), $"slept {slept}");
        Assert.True(slept < TimeSpan.FromMinutes(10), $"slept {slept}");
    }

    [Fact]
    public void Until_Interrupted_ReturnsAtOnce()
    {
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var before = Stopwatch.GetTimestamp();

        PreciseSleep.Until(before + (3600 * Stopwatch.Frequency), TimeSpan.FromMinutes(10), interrupt.Token);

        Assert.True(Stopwatch.GetElapsedTime(before) < TimeSpan.FromMinutes(1));
    }
}
