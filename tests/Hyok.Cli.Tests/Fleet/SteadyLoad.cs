using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Hyok.Client;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// A few concurrent signing clients sending Encrypt requests back to back (each with its own kmsRequestId), recording
/// every request's start, end and outcome on one clock, until stopped.
/// </summary>
internal sealed class SteadyLoad : IAsyncDisposable
{
    private readonly ConcurrentQueue<LoadOutcome> _outcomes = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;

    public SteadyLoad(XksClient client, int workers)
    {
        _workers = Enumerable.Range(0, workers).Select(w => Task.Run(() => RunAsync(client, w))).ToArray();
    }

    /// <summary>The clock of <see cref="LoadOutcome.Start"/> and <see cref="LoadOutcome.End"/>.</summary>
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public IReadOnlyCollection<LoadOutcome> Outcomes => _outcomes;

    public async Task<IReadOnlyList<LoadOutcome>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        return [.. _outcomes];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(XksClient client, int worker)
    {
        for (int i = 0; !_stop.IsCancellationRequested; i++)
        {
            string requestId = $"load-{worker}-{i}";
            var start = Clock.Elapsed;
            try
            {
                using var response = await client.SendAsync("keys/demo-key/encrypt", Body(requestId), CancellationToken.None);
                string answer = await response.Content.ReadAsStringAsync(CancellationToken.None);
                int status = (int)response.StatusCode;
                string? errorName = status == 200 ? null : ErrorName(answer);
                _outcomes.Enqueue(new LoadOutcome(requestId, start, Clock.Elapsed, status == 200, $"{status} {errorName}".TrimEnd(), errorName));
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                _outcomes.Enqueue(new LoadOutcome(requestId, start, Clock.Elapsed, false, e.GetType().Name + ": " + e.Message));
            }
        }
    }

    /// <summary>The <c>errorName</c> of a spec-shaped error body; null for anything else.</summary>
    private static string? ErrorName(string answer)
    {
        try
        {
            return JsonNode.Parse(answer)?["errorName"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[] Body(string requestId) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["requestMetadata"] = new JsonObject
        {
            ["awsPrincipalArn"] = "arn:aws:iam::123456789012:role/fleet-test",
            ["kmsKeyArn"] = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            ["kmsOperation"] = "Encrypt",
            ["kmsRequestId"] = requestId,
        },
        ["plaintext"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("fleet test data")),
        ["encryptionAlgorithm"] = "AES_GCM",
    }.ToJsonString());
}
