using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hyok.Client;
using Hyok.Server.Tests.Support;
using Hyok.Testing;

namespace Hyok.Server.Tests.Metrics;

/// <summary>The Prometheus scrape endpoint on its own plain-HTTP listener, read before and after real XKS requests over HTTPS.</summary>
[Collection(MetricsScrapeGroup.Name)]
public sealed class MetricsEndpointTests(MetricsProxyFixture proxy) : IClassFixture<MetricsProxyFixture>
{
    private const string Requests = "hyok_xks_requests_total";
    private const string DurationCount = "hyok_xks_request_duration_seconds_count";

    [Fact]
    public async Task Scrape_AfterRequests_CountsThemByOperationAndOutcome()
    {
        var client = proxy.Client(proxy.Credential);
        var store = ("key_store", proxy.KeyStore);
        var before = await PrometheusScrape.GetAsync(proxy.MetricsUri);

        await ExpectAsync(client, "health", XksBodies.Health(), 200);
        for (int i = 0; i < 2; i++)
        {
            var encrypted = JsonNode.Parse(await ExpectAsync(client, "keys/m-key/encrypt", XksBodies.Bytes(XksBodies.Encrypt(Encoding.ASCII.GetBytes("metrics test"))), 200))!.AsObject();
            await ExpectAsync(client, "keys/m-key/decrypt", XksBodies.Bytes(XksBodies.Decrypt(encrypted)), 200);
        }

        await ExpectAsync(client, "keys/m-missing/metadata", XksBodies.Metadata(), 404);
        var after = await PrometheusScrape.GetAsync(proxy.MetricsUri);

        double Increase(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(2, Increase(Requests, store, ("operation", "Encrypt"), ("outcome", "OK")));
        Assert.Equal(2, Increase(Requests, store, ("operation", "Decrypt"), ("outcome", "OK")));
        Assert.Equal(1, Increase(Requests, store, ("operation", "GetHealthStatus"), ("outcome", "OK")));
        Assert.Equal(1, Increase(Requests, store, ("operation", "GetKeyMetadata"), ("outcome", "KeyNotFoundException")));
        Assert.Equal(6, Increase(Requests, store));
        Assert.Equal(2, Increase(DurationCount, store, ("operation", "Encrypt"), ("outcome", "OK")));
        Assert.Equal(2, Increase("hyok_xks_request_duration_seconds_bucket", store, ("operation", "Encrypt"), ("outcome", "OK"), ("le", "+Inf")));
        Assert.Contains(after.Matching("hyok_xks_request_duration_seconds_bucket", store), s => s.Labels["le"] == "0.25");
        Assert.True(Increase("hyok_xks_request_duration_seconds_sum", store) > 0);

        // Process-wide series: other servers in this test run may add to them, never take away. A batch is counted once
        // its records are acknowledged (AuditTrailWriter.Commit), so the last answer can reach us just before its count.
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            var audited = await PrometheusScrape.GetAsync(proxy.MetricsUri);
            return audited.Sum("hyok_audit_batch_size_sum") - before.Sum("hyok_audit_batch_size_sum") >= 6
                && audited.Sum("hyok_audit_flush_duration_seconds_count") - before.Sum("hyok_audit_flush_duration_seconds_count") >= 1;
        }), "every answered request is one audit record");
        Assert.True(Increase("hyok_backend_duration_seconds_count", ("backend", "software"), ("operation", "encrypt"), ("outcome", "OK")) >= 2);
        Assert.True(Increase("hyok_backend_duration_seconds_count", ("backend", "software"), ("operation", "find_key")) >= 5);
    }

    [Fact]
    public async Task Scrape_AfterAnHttpsRequest_HasKestrelConnectionMetrics()
    {
        await ExpectAsync(proxy.Client(proxy.Credential), "health", XksBodies.Health(), 200);

        var scrape = await PrometheusScrape.GetAsync(proxy.MetricsUri);

        // Process-wide like the audit series: other servers' connections may add to them.
        Assert.NotEmpty(scrape.Matching("kestrel_active_connections"));
        Assert.True(scrape.Sum("kestrel_tls_handshake_duration_seconds_count") >= 1, scrape.Text);
    }

    [Fact]
    public async Task Scrape_Gauges_ReportCertificateCredentialAndAdmission()
    {
        _ = proxy.Credential;
        var scrape = await PrometheusScrape.GetAsync(proxy.MetricsUri);

        // The fixture's certificate is self-signed for a year or more: positive days, at most a few years.
        Assert.Contains(scrape.Matching("hyok_tls_certificate_expiry_days"), s => s.Value is > 300 and < 3700);
        var age = Assert.Single(scrape.Matching("hyok_credentials_newest_age_days", ("key_store", proxy.KeyStore)));
        Assert.InRange(age.Value, 0, 1);
        Assert.NotEmpty(scrape.Matching("hyok_admission_limit"));
        Assert.NotEmpty(scrape.Matching("hyok_admission_in_flight"));
        Assert.NotEmpty(scrape.Matching("hyok_admission_shed_total"));
    }

    [Fact]
    public async Task XksPort_GetMetrics_IsInvalidUriPath()
    {
        using var response = await proxy.Http.GetAsync(new Uri(proxy.BaseUri, "/metrics"));
        var reply = await XksReplyText.ReadAsync(response);

        Assert.Equal(404, reply.Status);
        Assert.Equal("InvalidUriPathException", JsonNode.Parse(reply.Text)!["errorName"]!.GetValue<string>());
        Assert.NotEqual(proxy.BaseUri.Port, proxy.MetricsUri.Port);
    }

    [Fact]
    public async Task MetricsPort_OtherPathOrMethod_IsNotFound()
    {
        using var http = new HttpClient();
        using var root = await http.GetAsync(new Uri(proxy.MetricsUri, "/"));
        using var xks = await http.PostAsync(new Uri(proxy.MetricsUri, "/alpha/kms/xks/v1/health"), new ByteArrayContent(XksBodies.Health()));
        using var post = await http.PostAsync(proxy.MetricsUri, new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, xks.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    private static async Task<string> ExpectAsync(XksClient client, string path, byte[] body, int status)
    {
        using var response = await client.SendAsync(path, body, default);
        var reply = await XksReplyText.ReadAsync(response);
        Assert.True(reply.Status == status, $"{path}: {reply.Status} {reply.Text}");
        return reply.Text;
    }
}
