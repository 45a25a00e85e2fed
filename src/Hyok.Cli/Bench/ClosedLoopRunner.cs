using System.Diagnostics;

namespace Hyok.Cli.Bench;

/// <summary>
/// The closed loop: <c>--concurrency</c> workers each send one signed request, wait for the answer, and send the
/// next, through one shared connection pool. Requests started during the warm-up are not counted; no request
/// starts after the measured duration (or <c>--requests</c>); Ctrl+C cancels the ones in flight and ends the run.
/// </summary>
internal sealed class ClosedLoopRunner(BenchSender sender, BenchSettings settings)
{
    private long _sequence = -1;

    public async Task<BenchResult> RunAsync(long start, CancellationToken interrupt)
    {
        var measureFrom = start + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, settings.Concurrency)
            .Select(_ => Task.Run(() => WorkAsync(measureFrom, measureUntil, interrupt), CancellationToken.None))
            .ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var measured = Stopwatch.GetElapsedTime(measureFrom, Math.Max(measureFrom, Stopwatch.GetTimestamp()));
        return new BenchResult(sender.Tally, measured, interrupt.IsCancellationRequested) { PeakInFlight = settings.Concurrency };
    }

    private async Task WorkAsync(long measureFrom, long measureUntil, CancellationToken interrupt)
    {
        while (!interrupt.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            var measured = now >= measureFrom;
            if (now >= measureUntil || (measured && !sender.Tally.TryClaim()))
            {
                return;
            }

            var operation = settings.Mix[Interlocked.Increment(ref _sequence)];
            if (!await sender.SendAsync(operation, Stopwatch.GetTimestamp(), measured, interrupt).ConfigureAwait(false))
            {
                return;
            }
        }
    }
}
