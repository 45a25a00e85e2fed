using System.Text;
using System.Text.Json.Nodes;
using Hyok.Client;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Robustness;

/// <summary>The calls that carry the sentinels: each path through the pipeline at least once.</summary>
public sealed partial class SecretLeakTests
{
    private async Task<JsonObject> SuccessfulCallsAsync(XksClient leaky, byte[] binaryPlaintext)
    {
        await ExpectAsync(200, SendAsync(leaky, "health", XksBodies.Health()));
        await ExpectAsync(200, SendAsync(leaky, "keys/k-both/metadata", XksBodies.Metadata()));
        JsonObject? first = null;
        foreach (var (plaintext, cdiv) in new[] { (Plaintext, false), (Plaintext, true), (binaryPlaintext, true) })
        {
            var reply = await ExpectAsync(200, SendAsync(leaky, "keys/k-both/encrypt", XksBodies.Bytes(XksBodies.Encrypt(plaintext, Aad, cdiv))));
            var encrypted = (JsonObject)JsonNode.Parse(reply.Text)!;
            _sentinels.AddBytes("ciphertext", encrypted.Field("ciphertext"));
            _sentinels.AddBytes("tag", encrypted.Field("authenticationTag"));
            _sentinels.AddText("ciphertext (Base64 text)", encrypted["ciphertext"]!.GetValue<string>());
            await ExpectAsync(200, SendAsync(leaky, "keys/k-both/decrypt", XksBodies.Bytes(XksBodies.Decrypt(encrypted, Aad))));
            first ??= encrypted;
        }

        return first!;
    }

    private async Task FailingCallsAsync(XksClient leaky, JsonObject encrypted)
    {
        await ExpectAsync(404, SendAsync(leaky, "keys/k-missing/metadata", XksBodies.Metadata()));
        await ExpectAsync(400, SendAsync(leaky, "keys/k-both/decrypt", XksBodies.Bytes(XksBodies.Decrypt(encrypted, Encoding.ASCII.GetBytes("AadSentinel-wrong-aad-value")))));
        var tampered = XksBodies.Decrypt(encrypted, Aad);
        var tag = encrypted.Field("authenticationTag");
        tag[0] ^= 0x80;
        tampered["authenticationTag"] = Convert.ToBase64String(tag);
        await ExpectAsync(400, SendAsync(leaky, "keys/k-both/decrypt", XksBodies.Bytes(tampered)));
        foreach (var key in new[] { "k-enc", "k-disabled", "k-none", "k-missing" })
        {
            await SendAsync(leaky, $"keys/{key}/decrypt", XksBodies.Bytes(XksBodies.Decrypt(encrypted, Aad)));
        }

        foreach (var key in new[] { "k-dec", "k-disabled", "k-none", "k-missing" })
        {
            await SendAsync(leaky, $"keys/{key}/encrypt", XksBodies.Bytes(XksBodies.Encrypt(Plaintext, Aad, cdiv: true)));
        }

        var overLimit = Enumerable.Repeat(Plaintext, 9000 / Plaintext.Length + 1).SelectMany(b => b).ToArray();
        await ExpectAsync(501, SendAsync(leaky, "keys/k-both/encrypt", XksBodies.Bytes(XksBodies.Encrypt(overLimit, Aad))));
        await ExpectAsync(501, SendAsync(leaky, "keys/k-both/encrypt", XksBodies.Bytes(XksBodies.Encrypt(Plaintext, [.. Enumerable.Repeat(Aad, 2000).SelectMany(b => b)]))));
        var text = Encoding.ASCII.GetString(Plaintext);
        foreach (var body in new[]
        {
            $"{{\"requestMetadata\":{{}},\"plaintext\":\"{text}\"}}",
            XksBodies.Encrypt(Plaintext, Aad).ToJsonString().Replace("\"plaintext\":\"", "\"plaintext\":\"" + text, StringComparison.Ordinal),
            XksBodies.Encrypt(Plaintext, Aad).ToJsonString().Replace("\"encryptionAlgorithm\":\"AES_GCM", "\"encryptionAlgorithm\":\"" + text, StringComparison.Ordinal),
            XksBodies.Encrypt(Plaintext, Aad).ToJsonString().Replace("\"plaintext\":", $"\"{text}\":1,\"plaintext\":[\"{text}\"],\"x\":", StringComparison.Ordinal),
            XksBodies.Encrypt(Plaintext, Aad).ToJsonString()[..^40],
            $"{{\"requestMetadata\":\"{text}\"}}",
            text,
        })
        {
            await ExpectAsync(400, SendAsync(leaky, "keys/k-both/encrypt", Encoding.UTF8.GetBytes(body)));
        }
    }

    private async Task TamperedAndUnauthenticatedCallsAsync(XksClient leaky)
    {
        var body = XksBodies.Bytes(XksBodies.Encrypt(Plaintext, Aad));
        var wrong = proxy.Client(new TestCredential(ProxyFixture.Alpha, SentinelAccessKeyId, WrongSecret));
        await ExpectAsync(401, SendAsync(wrong, "keys/k-both/encrypt", body));
        await ExpectAsync(401, SendAsync(leaky, "keys/k-both/encrypt", body, r => r.Content = new ByteArrayContent(XksBodies.Bytes(XksBodies.Encrypt(Aad, Plaintext)))
        {
            Headers = { ContentType = new("application/json") },
        }));
        var text = Encoding.ASCII.GetString(Plaintext);
        await ExpectAsync(401, SendAsync(leaky, "keys/k-both/encrypt", body, r => Replace(r, "Authorization", "AWS4-HMAC-SHA256 Credential=" + text)));
        await ExpectAsync(401, SendAsync(leaky, "keys/k-both/encrypt", body, r => Replace(r, "X-Amz-Date", text)));
        await ExpectAsync(401, SendAsync(leaky, "keys/k-both/encrypt", body, r => Replace(r, "Authorization", r.Headers.GetValues("Authorization").Single()[..^64] + new string('a', 64))));
        await ExpectAsync(400, SendAsync(leaky, "keys/k-both/encrypt", body, r => r.Content!.Headers.ContentType = new("text/plain")));
        await ExpectAsync(405, SendAsync(leaky, "keys/k-both/encrypt", body, r => r.Method = HttpMethod.Put));
        var oversized = XksBodies.Bytes(XksBodies.Encrypt([.. Enumerable.Repeat(Plaintext, 1800).SelectMany(b => b)]));
        await ExpectAsync(501, SendAsync(leaky, "keys/k-both/encrypt", oversized));

        var leakyBeta = new XksClient(proxy.Http, proxy.BaseUri, "/tenants/beta/kms/xks/v1", "eu-west-1", SentinelAccessKeyId, SentinelSecret, TimeProvider.System);
        await ExpectAsync(401, SendAsync(leakyBeta, "keys/b-key/encrypt", body));
    }

    /// <summary>The bad-input generator with bodies built from the sentinels, signed with the (sentinel) alpha secret.</summary>
    private async Task GeneratedBadInputAsync(JsonObject encrypted)
    {
        var seed = RobustnessSeed.Get();
        var cases = new BadRequestGenerator(new Random(seed), BodyTemplate.ForFixture(encrypted, Plaintext, Aad)).Generate(0);
        var failures = await BadRequestRun.SendAllAsync(proxy, cases, 8, (bad, reply) => _replies.Enqueue(($"generated {bad}", reply)));
        Assert.True(failures.Count == 0, BadRequestRun.Report(seed, cases.Count, failures));
    }

    private static async Task<XksReplyText> ExpectAsync(int status, Task<XksReplyText> call)
    {
        var reply = await call;
        Assert.True(reply.Status == status, $"expected {status}, got {reply.Status}: {reply.Text}");
        return reply;
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
    }
}
