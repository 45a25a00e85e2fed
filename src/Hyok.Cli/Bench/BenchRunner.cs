using System.Diagnostics;
using Hyok.Client;

namespace Hyok.Cli.Bench;

/// <summary>
/// The closed loop: <c>--concurrency</c> workers each send one signed request, wait for the answer, and send the
/// next, through one shared connection pool. Requests started during the warm-up are not counted; no request
/// starts after the measured duration (or <c>--requests</c>); Ctrl+C cancels the ones in flight and ends the run.
/// </summary>
internal sealed class BenchRunner(XksClient client, RequestTemplate template, BenchSettings settings)
{
    public async Task<BenchResult> RunAsync(CancellationToken interrupt)
    {
        var tally = new BenchTally(settings.MaxRequests);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, settings.Concurrency)
            .Select(_ => Task.Run(() => WorkAsync(tally, measureFrom, measureUntil, interrupt), CancellationToken.None))
            .ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var measured = Stopwatch.GetElapsedTime(measureFrom, Math.Max(measureFrom, Stopwatch.GetTimestamp()));
        return new BenchResult(tally, measured, interrupt.IsCancellationRequested);
    }

    private async Task WorkAsync(BenchTally tally, long measureFrom, long measureUntil, CancellationToken interrupt)
    {
        while (!interrupt.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            var measured = now >= measureFrom;
            if (now >= measureUntil || (measured && !tally.TryClaim()))
            {
                return;
            }

            var body = template.NextBody();
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(template.OperationPath, body, interrupt).ConfigureAwait(false);
                var micros = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                var error = await ResponseErrors.NameAsync(response, interrupt).ConfigureAwait(false);
                if (measured)
                {
                    tally.Answered(micros, error);
                }
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is TaskCanceledException or HttpRequestException && measured)
            {
                tally.Completed(e is HttpRequestException failure ? $"{nameof(HttpRequestException)} {failure.HttpRequestError}" : "Timeout");
            }
            catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
            {
                // A failure during the warm-up is not counted.
            }
        }
    }
}
