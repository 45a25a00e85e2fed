using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Hyok.Cli.Bench;

/// <summary>
/// The open loop: <c>--rate</c> requests a second on the <see cref="OpenLoopSchedule"/>, each sent at (or, when the
/// generator falls behind, as soon as possible after) its intended start and timed from it, so queueing anywhere
/// shows as latency (no coordinated omission). At most <c>--max-in-flight</c> wait for answers; a request due
/// beyond that is dropped, one sent more than <see cref="LateAfter"/> behind its time is counted late. Requests due
/// in the warm-up are not counted; the measured window is <c>--duration</c> seconds of the timetable (or <c>--requests</c>).
/// </summary>
internal sealed class OpenLoopRunner(BenchSender sender, BenchSettings settings)
{
    public static readonly TimeSpan LateAfter = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest single sleep, so Ctrl+C is seen within it even at a low rate.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The shortest sleep: at rates above 10,000/s the thread wakes at most every 100 µs and launches what is due then
    /// (each wake-up costs CPU the proxy on the same machine would miss), so a request may start up to 100 µs late.
    /// </summary>
    private static readonly long MinSleepTicks = Stopwatch.Frequency / 10_000;

    private ExceptionDispatchInfo? _failure;

    public async Task<BenchResult> RunAsync(long start, CancellationToken interrupt)
    {
        var schedule = new OpenLoopSchedule(start, settings.Rate, Stopwatch.Frequency);
        var warmup = (long)settings.Warmup.TotalSeconds * settings.Rate;
        var measured = (long)settings.Duration.TotalSeconds * settings.Rate;
        var end = warmup + (settings.MaxRequests > 0 ? Math.Min(measured, settings.MaxRequests) : measured);
        var limit = new InFlightLimit(settings.MaxInFlight);
        // A thread of its own, sleeping precisely until each request is due (PreciseSleep), where a timer's continuation
        // may wait behind the pool.
        var next = await Task.Factory.StartNew(
            () => Schedule(schedule, warmup, end, limit, interrupt), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        await limit.DrainAsync().ConfigureAwait(false);
        _failure?.Throw();
        var measureFrom = schedule.IntendedStart(warmup);
        var window = TimeSpan.FromSeconds((double)Math.Max(0, next - warmup) / settings.Rate);
        return new BenchResult(sender.Tally, Stopwatch.GetElapsedTime(measureFrom, Math.Max(measureFrom, Stopwatch.GetTimestamp())), interrupt.IsCancellationRequested)
        {
            Window = window,
            PeakInFlight = limit.Peak,
        };
    }

    private void Launch(long index, long intended, bool measured, long now, long lateTicks, InFlightLimit limit, CancellationToken interrupt)
    {
        if (!limit.TryEnter())
        {
            if (measured)
            {
                sender.Tally.AddDropped();
            }

            return;
        }

        if (measured && now - intended > lateTicks)
        {
            sender.Tally.AddLate();
        }

        var operation = settings.Mix[index];
        _ = Task.Run(async () =>
        {
            try
            {
                if (measured)
                {
                    sender.Tally.SendDelays.Record((long)Stopwatch.GetElapsedTime(intended).TotalMicroseconds);
                }

                await sender.SendAsync(operation, intended, measured, interrupt).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // A bug, not a measurement: rethrown once the run has drained.
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                limit.Exit();
            }
        }, CancellationToken.None);
    }

    /// <summary>Launches each request when due and sleeps until the next one is; returns how many were due before the end or Ctrl+C.</summary>
    private long Schedule(OpenLoopSchedule schedule, long warmup, long end, InFlightLimit limit, CancellationToken interrupt)
    {
        var lateTicks = (long)(LateAfter.TotalSeconds * Stopwatch.Frequency);
        long next = 0;
        PreciseSleep.UseFinestTimerSlack();
        while (next < end && !interrupt.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            for (var due = Math.Min(end, schedule.DueCount(now)); next < due; next++)
            {
                Launch(next, schedule.IntendedStart(next), next >= warmup, now, lateTicks, limit, interrupt);
            }

            if (next < end)
            {
                PreciseSleep.Until(Math.Max(schedule.IntendedStart(next), Stopwatch.GetTimestamp() + MinSleepTicks), MaxSleep, interrupt);
            }
        }

        return next;
    }
}
