namespace Hyok.Cli.Bench;

/// <summary>
/// The open loop's timetable: request <c>i</c> is due at <c>start + i / rate</c> seconds, whatever happened to the
/// ones before it, so a slow answer cannot delay (and hide) the requests behind it. Times are timestamps of a clock
/// ticking <paramref name="frequency"/> times a second (<see cref="System.Diagnostics.Stopwatch"/> in a run).
/// </summary>
internal sealed class OpenLoopSchedule(long start, int rate, long frequency)
{
    public long Start => start;

    /// <summary>When request <paramref name="index"/> should start.</summary>
    public long IntendedStart(long index) => start + (long)((Int128)index * frequency / rate);

    /// <summary>How many requests are due at <paramref name="now"/>: those whose intended start is at or before it.</summary>
    public long DueCount(long now)
    {
        if (now < start)
        {
            return 0;
        }

        // floor(i·f/r) ≤ d  ⇔  i < (d+1)·r/f, so the count is ceil((d+1)·r/f).
        var elapsed = (Int128)(now - start) + 1;
        return (long)(((elapsed * rate) + frequency - 1) / frequency);
    }

    /// <summary>The timestamp <paramref name="seconds"/> after the start.</summary>
    public long After(double seconds) => start + (long)(seconds * frequency);
}
