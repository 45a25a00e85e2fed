using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hyok.Cli.Bench;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp with microsecond precision where the platform allows it, so the
/// open loop starts each request at its intended time instead of up to a millisecond late (a managed sleep or wait
/// has millisecond resolution, and that lag would count as the proxy's latency). On Linux: <c>clock_nanosleep</c>
/// on <c>CLOCK_MONOTONIC</c> (the clock <see cref="Stopwatch"/> reads there) to an absolute time, on a thread whose
/// timer slack is set to 1 µs (<see cref="UseFinestTimerSlack"/>; the default slack of 50 µs may delay any wake-up
/// by that much). Elsewhere: a wait of whole milliseconds, at least one.
/// </summary>
internal static class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsoluteTime = 1;
    private const int SetTimerSlack = 29; // PR_SET_TIMERSLACK
    private const long NanosecondsPerSecond = 1_000_000_000;
    private const int Interrupted = 4; // EINTR: clock_nanosleep returns the error number itself

    /// <summary>Whether <see cref="Until"/> sleeps with sub-millisecond precision here.</summary>
    public static bool IsPrecise { get; } =
        OperatingSystem.IsLinux() && Environment.Is64BitProcess && Stopwatch.Frequency == NanosecondsPerSecond; // 64-bit: TimeSpec's layout

    /// <summary>Asks for wake-ups of the calling thread within 1 µs of their time (Linux; elsewhere nothing).</summary>
    public static void UseFinestTimerSlack()
    {
        if (IsPrecise)
        {
            _ = Prctl(SetTimerSlack, 1000, 0, 0, 0); // nanoseconds
        }
    }

    /// <summary>
    /// Sleeps until <paramref name="timestamp"/>, or at most <paramref name="longest"/>, or until
    /// <paramref name="interrupt"/> is cancelled (checked at least every <paramref name="longest"/>); returns at once
    /// when the time has passed.
    /// </summary>
    public static void Until(long timestamp, TimeSpan longest, CancellationToken interrupt)
    {
        var now = Stopwatch.GetTimestamp();
        var cap = now + (long)(longest.TotalSeconds * Stopwatch.Frequency);
        var until = Math.Min(timestamp, cap);
        if (until <= now || interrupt.IsCancellationRequested)
        {
            return;
        }

        if (!IsPrecise)
        {
            var wait = Stopwatch.GetElapsedTime(now, until);
            interrupt.WaitHandle.WaitOne(Math.Max(1, (int)wait.TotalMilliseconds));
            return;
        }

        var time = new TimeSpec { Seconds = until / NanosecondsPerSecond, Nanoseconds = until % NanosecondsPerSecond };
        // A signal (SIGCHLD of a child process, Ctrl+C) ends the sleep early with EINTR: sleep again to the same absolute
        // time unless interrupted.
        while (ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, in time, IntPtr.Zero) == Interrupted && !interrupt.IsCancellationRequested)
        {
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockNanosleep(int clock, int flags, in TimeSpec request, IntPtr remaining);

    [DllImport("libc", EntryPoint = "prctl")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}
