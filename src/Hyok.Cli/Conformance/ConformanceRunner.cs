using System.Diagnostics;
using System.Net.Sockets;

namespace Hyok.Cli.Conformance;

/// <summary>
/// Runs the checks one after another, timing each. A check that gets no answer fails with the reason; when the very
/// first check cannot reach the proxy at all, the run stops there (every other check would say the same).
/// </summary>
internal static class ConformanceRunner
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(ConformanceProbe probe, IReadOnlyList<ConformanceCheck> checks, Action<CheckResult> completed)
    {
        var results = new List<CheckResult>();
        foreach (var check in checks)
        {
            var clock = Stopwatch.StartNew();
            var (verdict, unreachable) = await RunOneAsync(check, probe).ConfigureAwait(false);
            var result = new CheckResult(check.Id, check.Name, verdict, clock.Elapsed);
            results.Add(result);
            completed(result);
            if (unreachable && results.Count == 1)
            {
                break;
            }
        }

        return results;
    }

    private static async Task<(CheckVerdict Verdict, bool Unreachable)> RunOneAsync(ConformanceCheck check, ConformanceProbe probe)
    {
        try
        {
            return (await check.RunAsync(probe).ConfigureAwait(false), false);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException)
        {
            return (CheckVerdict.Fail("an answer", $"no answer: {Describe(e)}"), true);
        }
        catch (OperationCanceledException) when (!probe.CancellationToken.IsCancellationRequested)
        {
            return (CheckVerdict.Fail("an answer", "no answer in time"), true);
        }
    }

    /// <summary>The message, with the root cause when it says "see inner exception" (TLS failures).</summary>
    private static string Describe(Exception e) =>
        e.InnerException is null ? e.Message : $"{e.Message.Replace(", see inner exception.", string.Empty, StringComparison.Ordinal)}: {e.GetBaseException().Message}";
}
