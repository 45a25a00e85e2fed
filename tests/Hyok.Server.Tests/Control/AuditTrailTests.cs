using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hyok.Auditing;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Control;

/// <summary>
/// Exactly one audit record per XKS request, success or failure (xks-spec.md §9): a server gets a known mix of
/// valid, denied, unauthenticated, malformed and misrouted requests and must add exactly that many records, in
/// order, with the outcomes that were answered, on a chain that verifies.
/// </summary>
public sealed class AuditTrailTests(PolicyProxyFixture fixture) : IClassFixture<PolicyProxyFixture>
{
    private static readonly byte[] Plaintext = Encoding.ASCII.GetBytes("audit test");

    private ProxyFixture Proxy => fixture.Proxy;

    [Fact]
    public async Task MixedRequests_EachGetsExactlyOneRecordWithTheAnsweredOutcome()
    {
        var alice = Proxy.AlphaClient;
        var earlier = new AuditTrailReader(Proxy.AuditFolder).ReadAll().Count();
        var expected = new List<(int Status, string Outcome, string? Decision)>();
        async Task SendAsync(Func<Task<HttpResponseMessage>> send, string? decision = null)
        {
            using var response = await send();
            var text = await response.Content.ReadAsStringAsync();
            var outcome = (int)response.StatusCode == 200 ? "OK" : JsonNode.Parse(text)!["errorName"]!.GetValue<string>();
            expected.Add(((int)response.StatusCode, outcome, decision));
        }

        var encrypted = await alice.EncryptAsync("k-both", Encrypt(XksBodies.Principal));
        expected.Add((200, "OK", "policy allow rule alice"));
        await SendAsync(() => alice.SendAsync("health", XksBodies.Health(), default));
        await SendAsync(() => alice.SendAsync("keys/k-both/encrypt", Bytes(Encrypt("arn:aws:iam::999999999999:user/Mallory")), default), "policy deny (no rule matched)");
        await SendAsync(() => alice.SendAsync("keys/k-both/encrypt", Bytes(Encrypt(XksBodies.Principal, viaService: "ebs")), default), "policy deny rule no-ebs");
        await SendAsync(() => alice.SendAsync("keys/k-disabled/encrypt", Bytes(Encrypt(XksBodies.Principal)), default), "policy allow rule alice");
        await SendAsync(() => alice.SendAsync("keys/no-such-key/encrypt", Bytes(Encrypt(XksBodies.Principal)), default));
        await SendAsync(() => alice.SendAsync("keys/k-both/decrypt", Bytes(TamperedDecrypt(encrypted)), default), "policy allow rule alice");
        var wrongSecret = Proxy.Client(Proxy.AlphaCredential with { Secret = "not-the-secret-" + new string('x', 30) });
        await SendAsync(() => wrongSecret.SendAsync("keys/k-both/encrypt", Bytes(Encrypt(XksBodies.Principal)), default));
        await SendAsync(() => alice.SendAsync("keys/k-both/encrypt", Encoding.UTF8.GetBytes("{ not json"), default));
        await SendAsync(() => alice.SendAsync("keys/k-both/encrypt", new byte[Proxy.Options.Server.MaxRequestBodyBytes + 1], default));
        await SendAsync(() => Proxy.Http.PostAsync(new Uri(Proxy.BaseUri, "/alpha/kms/xks/v2/health"), new ByteArrayContent(XksBodies.Health())));
        await SendAsync(() => Proxy.Http.GetAsync(new Uri(Proxy.BaseUri, "/alpha/kms/xks/v1/health")));

        var records = new AuditTrailReader(Proxy.AuditFolder).ReadAll().Skip(earlier).ToList();
        Assert.Equal(expected, records.Select(r => (r.Event.Status, r.Event.Outcome, r.Event.Decision)));
        Assert.Equal(
            ["OK", "OK", "AccessDeniedException", "AccessDeniedException", "InvalidStateException", "KeyNotFoundException", "InvalidCiphertextException",
             "AuthenticationFailedException", "ValidationException", "UnsupportedOperationException", "InvalidUriPathException", "UnsupportedOperationException"],
            records.Select(r => r.Event.Outcome));
        var verification = AuditVerifier.Verify(Proxy.AuditFolder);
        Assert.True(verification.IsValid, verification.Problem);
    }

    [Fact]
    public async Task Record_OfAnAllowedEncrypt_CarriesTheRequestsIdentifiersAndNoSecrets()
    {
        var body = Encrypt(XksBodies.Principal);
        body["requestMetadata"]!["awsSourceVpc"] = "vpc-0123";
        body["requestMetadata"]!["awsSourceVpce"] = "vpce-4567";
        await Proxy.AlphaClient.EncryptAsync("k-both", body);

        var record = AuditLookup.Of(Proxy.AuditFolder, body);

        Assert.Equal(ProxyFixture.Alpha, record.KeyStore);
        Assert.Equal(("Encrypt", "k-both", "Encrypt"), (record.XksOperation, record.ExternalKeyId, record.KmsOperation));
        Assert.Equal((XksBodies.Principal, XksBodies.KmsKeyArn), (record.AwsPrincipalArn, record.KmsKeyArn));
        Assert.Equal(("vpc-0123", "vpce-4567"), (record.AwsSourceVpc, record.AwsSourceVpce));
        Assert.Equal((Proxy.AlphaCredential.AccessKeyId, "127.0.0.1"), (record.AccessKeyId, record.SourceIp));
        Assert.InRange(record.LatencyMilliseconds, 0, 60_000);
        Assert.InRange(record.Time, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var raw = File.ReadAllText(Directory.GetFiles(Proxy.AuditFolder, "audit-*.jsonl").Single());
        Assert.DoesNotContain(Convert.ToBase64String(Plaintext), raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Proxy.AlphaCredential.Secret, raw, StringComparison.Ordinal);
    }

    private static JsonObject Encrypt(string principal, string? viaService = null)
    {
        var body = XksBodies.Encrypt(Plaintext);
        var metadata = body["requestMetadata"]!.AsObject();
        metadata["awsPrincipalArn"] = principal;
        metadata.Remove("kmsViaService");
        if (viaService is not null)
        {
            metadata["kmsViaService"] = viaService;
        }

        return body;
    }

    private static JsonObject TamperedDecrypt(JsonObject encrypted)
    {
        var body = XksBodies.Decrypt(encrypted);
        body["requestMetadata"]!.AsObject().Remove("kmsViaService");
        var tag = Convert.FromBase64String(body["authenticationTag"]!.GetValue<string>());
        tag[0] ^= 1;
        body["authenticationTag"] = Convert.ToBase64String(tag);
        return body;
    }

    private static byte[] Bytes(JsonNode node) => XksBodies.Bytes(node);
}
