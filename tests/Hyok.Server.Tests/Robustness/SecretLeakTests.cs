using System.Collections.Concurrent;
using System.Text;
using Hyok.Client;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Robustness;

/// <summary>
/// ARCHITECTURE.md §4: sentinel plaintext, AAD, credential secrets (right and wrong), signatures, key material,
/// the master key, ciphertexts and tags pushed through every path (successes, spec errors, auth failures,
/// tampering, over-cap bodies, the bad-input generator) never show up in a log line, an audit record or an error body.
/// </summary>
public sealed partial class SecretLeakTests(SoftwareProxyFixture proxy) : IClassFixture<SoftwareProxyFixture>
{
    private const string SentinelAccessKeyId = "LEAKSENTINELAKIDAAAAAAAAAA";
    private const string SentinelSecret = "LeakSentinelSecretQz7Xw9Pk2Rt5Vy8Bn3Mh6Jd4Fg1Ls0";
    private const string WrongSecret = "WrongSentinelSecretHq2Zp8Lm5Nx7Cv4Bt1Ry9Kw3Js6";
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("PlaintextSentinel-3f9c-quokka-zebra-8812");
    private static readonly byte[] Aad = Encoding.ASCII.GetBytes("AadSentinel-77aa-marmot-ocelot-5521");

    private readonly Sentinels _sentinels = new();
    private readonly ConcurrentQueue<(string Call, XksReplyText Reply)> _replies = new();

    [Fact]
    public async Task Secrets_PushedThroughEveryPath_NeverAppearInLogsAuditOrErrorBodies()
    {
        AddStoredSecrets();
        var binaryPlaintext = new byte[48];
        new Random(7).NextBytes(binaryPlaintext);
        _sentinels.AddText("plaintext", Encoding.ASCII.GetString(Plaintext));
        _sentinels.AddBytes("binary plaintext", binaryPlaintext);
        _sentinels.AddText("AAD", Encoding.ASCII.GetString(Aad));
        _sentinels.AddText("wrong secret", WrongSecret);

        var leaky = proxy.Client(new TestCredential(ProxyFixture.Alpha, SentinelAccessKeyId, SentinelSecret));
        var encrypted = await SuccessfulCallsAsync(leaky, binaryPlaintext);
        await FailingCallsAsync(leaky, encrypted);
        await TamperedAndUnauthenticatedCallsAsync(leaky);
        await GeneratedBadInputAsync(encrypted);

        Assert.NotEmpty(_sentinels.FoundIn(Encoding.ASCII.GetString(Plaintext))); // the scanner itself works
        Assert.NotEmpty(proxy.Logs.Lines);
        var auditLines = Directory.GetFiles(proxy.AuditFolder, "audit-*.jsonl").SelectMany(File.ReadAllLines).ToList();
        Assert.NotEmpty(auditLines);
        var leaks = _sentinels.Scan("log", proxy.Logs.Lines);
        leaks.AddRange(_sentinels.Scan("audit record", auditLines));
        leaks.AddRange(_replies.Where(r => r.Reply.Status != 200 || !r.Call.Contains("crypt", StringComparison.Ordinal))
            .SelectMany(r => _sentinels.Scan($"{r.Call} -> {r.Reply.Status}", [r.Reply.Text])));
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:{Environment.NewLine}{string.Join(Environment.NewLine, leaks.Take(20))}");
    }

    /// <summary>The stored secrets: credential secrets, the material of every key (health key too), the master key.</summary>
    private void AddStoredSecrets()
    {
        proxy.Admin.ImportCredential(ProxyFixture.Alpha, SentinelAccessKeyId, SentinelSecret);
        proxy.Runtime.Watcher.Refresh();
        _sentinels.AddText("sentinel secret", SentinelSecret);
        _sentinels.AddText("alpha secret", proxy.AlphaCredential.Secret);
        _sentinels.AddText("beta secret", proxy.BetaCredential.Secret);
        var snapshot = proxy.Runtime.Watcher.Current;
        foreach (var (id, key) in snapshot.Keys)
        {
            _sentinels.AddBytes($"key material of {id}", key.Material);
        }

        _sentinels.AddBytes("health key material", snapshot.HealthKey!.Material);
        var masterKey = File.ReadAllText(proxy.Options.Backend.MasterKeyFile!).Trim();
        _sentinels.AddText("master key file", masterKey);
        _sentinels.AddBytes("master key", Convert.FromBase64String(masterKey));
    }

    /// <summary>Sends through <paramref name="client"/>, remembering the signature as a sentinel and the reply for the scan.</summary>
    private async Task<XksReplyText> SendAsync(XksClient client, string call, byte[] body, Action<HttpRequestMessage>? tamper = null)
    {
        using var response = await client.SendAsync(call, body, request =>
        {
            var authorization = request.Headers.GetValues("Authorization").Single();
            _sentinels.AddText("signature", authorization[(authorization.LastIndexOf('=') + 1)..]);
            tamper?.Invoke(request);
            return Task.CompletedTask;
        }, default);
        var reply = await XksReplyText.ReadAsync(response);
        _replies.Enqueue((call, reply));
        return reply;
    }
}
