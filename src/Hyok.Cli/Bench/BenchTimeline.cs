using System.Diagnostics;
using System.Globalization;

namespace Hyok.Cli.Bench;

/// <summary>
/// Once a second during a run: takes the second's requests from the <see cref="BenchTally"/> into a
/// <see cref="TimelinePoint"/> (for the report and the plot) and, unless quiet, prints a progress line to
/// <paramref name="progress"/>. Seconds are counted from the end of the warm-up.
/// </summary>
internal sealed class BenchTimeline(BenchTally tally, BenchSettings settings, TextWriter? progress)
{
    private readonly List<TimelinePoint> _points = [];

    /// <summary>Ticks until <paramref name="stop"/>, then adds the last partial second; returns the points.</summary>
    public async Task<IReadOnlyList<TimelinePoint>> RunAsync(long start, CancellationToken stop)
    {
        var warmup = (int)settings.Warmup.TotalSeconds;
        var tick = 1;
        for (; ; tick++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start + (tick * Stopwatch.Frequency));
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var second = tally.TakeSecond();
            if (tick <= warmup)
            {
                progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up {tick}/{warmup} s"));
                continue;
            }

            _points.Add(TimelinePoint.From(second, tick - warmup, 1));
            progress?.WriteLine(Line(tick - warmup, _points[^1]));
        }

        var end = Stopwatch.GetElapsedTime(start).TotalSeconds - warmup;
        var lastTick = Math.Max(0, tick - 1 - warmup);
        var last = tally.TakeSecond();
        if (end > lastTick && (last.Requests > 0 || end - lastTick > 0.1))
        {
            _points.Add(TimelinePoint.From(last, end, end - lastTick));
        }

        return _points;
    }

    private string Line(int second, TimelinePoint point)
    {
        var rate = settings.Rate > 0 ? $" of {settings.Rate}" : "";
        var dropped = settings.Rate > 0 ? $", {tally.Dropped} dropped, {tally.Late} late" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{second,5} s  {point.Rate,9:0.0}{rate} req/s  p99 so far {tally.Total.LatencyMs(99):0.000} ms  {tally.Total.Errors} errors{dropped}");
    }
}
