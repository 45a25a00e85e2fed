using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;
using Hyok.Client;

namespace Hyok.Cli.Tests.Auditing;

/// <summary>
/// "Answered ⇒ recorded": <c>hyok serve</c> runs as its own process under concurrent load and is killed with
/// SIGKILL; every request that got a response must have its audit record on disk, and after a restart the trail
/// must verify.
/// </summary>
public sealed partial class AuditCrashTests : IDisposable
{
    private const int Workers = 24;
    private readonly EmbeddedDataFolder _data = new();

    [Fact]
    public async Task Serve_KilledUnderLoad_EveryAnsweredRequestHasItsRecord()
    {
        await using var server = StartServer();
        var line = await server.WaitForLineAsync(l => ListeningLine().IsMatch(l), TimeSpan.FromSeconds(60));
        var port = int.Parse(ListeningLine().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
        using var http = PinnedClient();
        var (accessKeyId, secret) = _data.DefaultCredential;
        var client = new XksClient(http, new Uri($"https://127.0.0.1:{port}"), "/keystores/default/kms/xks/v1", "us-east-1", accessKeyId, secret, TimeProvider.System);

        var answered = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(w => Task.Run(() => LoadAsync(client, w, answered, stop.Token))).ToArray();
        var clock = Stopwatch.StartNew();
        while (answered.Count < 400 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }

        Assert.True(server.Kill(TimeSpan.FromSeconds(10)), "the server did not die on SIGKILL");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(answered.Count >= 400, $"only {answered.Count} requests were answered before the kill:\n{server.Output}");
        var recorded = RecordedOutcomes();
        var missing = answered.Where(a => !recorded.TryGetValue(a.Key, out var status) || status != a.Value).Select(a => a.Key).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {answered.Count} answered requests have no matching audit record, e.g. {string.Join(", ", missing.Take(5))}");

        // A batch being written at the kill may have left a torn last line (never acknowledged): the restarted
        // server cuts it and continues the chain, which must then verify from its first record to its last.
        await using (var restarted = StartServer())
        {
            await restarted.WaitForLineAsync(l => ListeningLine().IsMatch(l), TimeSpan.FromSeconds(60));
            Assert.True(await restarted.InterruptAsync(TimeSpan.FromSeconds(15)), $"the restarted server did not stop:\n{restarted.Output}");
        }

        var verify = await _data.Cli.RunAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, $"hyok audit verify after the crash:\n{verify}");
    }

    public void Dispose() => _data.Dispose();

    private static async Task LoadAsync(XksClient client, int worker, ConcurrentDictionary<string, int> answered, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var requestId = $"crash-{worker}-{i}";
            var (operation, body) = (i % 4) switch
            {
                0 => ("health", Body(new JsonObject { ["requestMetadata"] = Metadata(requestId, "KmsHealthCheck") })),
                1 => ("keys/no-such-key/encrypt", EncryptBody(requestId)),
                _ => ("keys/demo-key/encrypt", EncryptBody(requestId)),
            };
            try
            {
                using var response = await client.SendAsync(operation, body, CancellationToken.None);
                _ = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                answered[requestId] = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return; // The server is gone: this request was never answered.
            }
        }
    }

    /// <summary>kmsRequestId → status, from every complete line of every audit file (a torn last line was never answered).</summary>
    private Dictionary<string, int> RecordedOutcomes()
    {
        var recorded = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(_data.Root, "audit"), "audit-*.jsonl").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (var line in text.Split('\n')[..^1])
            {
                var record = JsonNode.Parse(line)!;
                if (record["kmsRequestId"]?.GetValue<string>() is { } id)
                {
                    recorded[id] = record["status"]!.GetValue<int>();
                }
            }
        }

        return recorded;
    }

    private ChildProcess StartServer()
    {
        var start = new ProcessStartInfo(HyokCli.Dotnet);
        start.ArgumentList.Add(HyokCli.Dll);
        start.ArgumentList.Add("serve");
        _data.Cli.With("Hyok__Server__Listen__0", "127.0.0.1:0").With("Logging__LogLevel__Default", "Warning").ApplyEnvironment(start);
        return ChildProcess.Start(start);
    }

    private HttpClient PinnedClient()
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(_data.CertificateFile));
        var expected = certificate.RawData;
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Workers };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(expected);
        return new HttpClient(handler) { DefaultRequestVersion = HttpVersion.Version11 };
    }

    private static JsonObject Metadata(string requestId, string kmsOperation) => new()
    {
        ["awsPrincipalArn"] = "arn:aws:iam::123456789012:role/crash-test",
        ["kmsKeyArn"] = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ["kmsOperation"] = kmsOperation,
        ["kmsRequestId"] = requestId,
    };

    private static byte[] EncryptBody(string requestId) => Body(new JsonObject
    {
        ["requestMetadata"] = Metadata(requestId, "Encrypt"),
        ["plaintext"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("crash test data")),
        ["encryptionAlgorithm"] = "AES_GCM",
    });

    private static byte[] Body(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    [GeneratedRegex(@"^Hyok XKS proxy is listening on https://127\.0\.0\.1:([0-9]+)")]
    private static partial Regex ListeningLine();
}
