using System.Diagnostics;
using Hyok.Client;

namespace Hyok.Cli.Bench;

/// <summary>
/// Sends one request of an operation, signed afresh by <see cref="XksClient"/> (SigV4 over a body with a new
/// <c>kmsRequestId</c>), and counts it if measured. Latency runs from the intended start (the open loop's timetable;
/// the actual start in the closed loop) until the whole answer is read.
/// </summary>
internal sealed class BenchSender(XksClient client, IReadOnlyDictionary<BenchOperation, RequestTemplate> templates, BenchTally tally)
{
    public BenchTally Tally => tally;

    /// <returns>False when Ctrl+C cancelled the request (it is not counted).</returns>
    public async Task<bool> SendAsync(BenchOperation operation, long intendedStart, bool measured, CancellationToken interrupt)
    {
        var template = templates[operation];
        try
        {
            using var response = await client.SendAsync(template.OperationPath, template.NextBody(), interrupt).ConfigureAwait(false);
            var micros = (long)Stopwatch.GetElapsedTime(intendedStart).TotalMicroseconds;
            var error = await ResponseErrors.NameAsync(response, interrupt).ConfigureAwait(false);
            if (measured)
            {
                tally.Ended(operation, micros, error);
            }
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
        {
            if (measured)
            {
                // No answer, so no latency: the error names the kind (connection refused, TLS, reset, ...) or the timeout.
                tally.Ended(operation, null, e is HttpRequestException failure ? $"{nameof(HttpRequestException)} {failure.HttpRequestError}" : "Timeout");
            }
        }

        return true;
    }
}
