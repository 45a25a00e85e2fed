using System.Collections.Concurrent;
using System.Net;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// Sends generated requests with a fixed number in flight, half over HTTP/1.1 and half over HTTP/2, and
/// checks each reply with <see cref="ResponseRules"/>. A request that takes longer than the timeout counts as a hang.
/// </summary>
public static class BadRequestRun
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Every violation, as "#index case: problem"; <paramref name="onReply"/> sees each reply (e.g. for leak scans).</summary>
    public static async Task<IReadOnlyList<string>> SendAllAsync(ProxyFixture proxy, IReadOnlyList<BadRequest> cases, int inFlight, Action<BadRequest, XksReplyText>? onReply = null)
    {
        var sender = new BadRequestSender(proxy);
        using var http2 = proxy.NewHttpClient(HttpVersion.Version20);
        var failures = new ConcurrentQueue<(int Index, string Text)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) =>
        {
            var bad = cases[i];
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                var reply = await sender.SendAsync(bad, i % 2 == 0 ? proxy.Http : http2, timeout.Token);
                onReply?.Invoke(bad, reply);
                if (ResponseRules.Check(reply, bad.MaySucceed, bad.ExpectedStatus) is { } problem)
                {
                    failures.Enqueue((i, $"#{i} {bad}: {problem}"));
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                failures.Enqueue((i, $"#{i} {bad}: no reply ({e.GetType().Name}: {e.Message})"));
            }
        });
        return [.. failures.OrderBy(f => f.Index).Select(f => f.Text)];
    }

    public static string Report(int seed, int total, IReadOnlyList<string> failures) =>
        $"{failures.Count} of {total} generated requests broke the rule; {RobustnessSeed.Describe(seed)}:{Environment.NewLine}" +
        string.Join(Environment.NewLine, failures.Take(30));
}
