using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Hyok.Auditing;
using Hyok.Server.Tests.Support;
using Hyok.Testing;

namespace Hyok.Server.Tests.Control;

/// <summary>A client that goes away before its request is answered still leaves exactly one audit record.</summary>
public sealed class AuditAbortTests(SoftwareProxyFixture proxy) : IClassFixture<SoftwareProxyFixture>
{
    [Fact]
    public async Task Http11ConnectionClosedMidBody_IsRecordedOnce()
    {
        var keyId = NewKeyId();
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", proxy.BaseUri.Port);
            var expected = File.ReadAllText(proxy.Options.Server.CertificateFile!);
            await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
                certificate is not null && expected.Contains(Convert.ToBase64String(certificate.GetRawCertData())[..64], StringComparison.Ordinal));
            await tls.AuthenticateAsClientAsync("localhost");
            var head = $"POST /alpha/kms/xks/v1/keys/{keyId}/encrypt HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"requestMetadata\":";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(head));
            await tls.FlushAsync();
        }

        await AssertOneClosedOrTruncatedRecordAsync(keyId);
    }

    [Fact]
    public async Task Http2StreamResetMidBody_IsRecordedOnce()
    {
        var keyId = NewKeyId();
        using var http = proxy.NewHttpClient(HttpVersion.Version20);
        using var cancel = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy.BaseUri, $"/alpha/kms/xks/v1/keys/{keyId}/encrypt"))
        {
            Content = new StalledContent(),
        };
        var sending = http.SendAsync(request, cancel.Token);
        await Task.Delay(300);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        await AssertOneClosedOrTruncatedRecordAsync(keyId);
    }

    /// <summary>Kestrel reports the truncated body and the client's abort in either order: either way, one record.</summary>
    private async Task AssertOneClosedOrTruncatedRecordAsync(string keyId)
    {
        var record = await SingleRecordAsync(keyId);
        Assert.Contains((record.Status, record.Outcome), new[] { (400, "ValidationException"), (499, "ClientClosedRequest") });
        Assert.Equal("Encrypt", record.XksOperation);
    }

    private static string NewKeyId() => "abort-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<AuditEvent> SingleRecordAsync(string keyId)
    {
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => Records(keyId).Count > 0), "no audit record for the aborted request");
        await Task.Delay(300);
        return Assert.Single(Records(keyId));
    }

    private List<AuditEvent> Records(string keyId) =>
        [.. new AuditTrailReader(proxy.AuditFolder).ReadAll().Select(r => r.Event).Where(e => e.ExternalKeyId == keyId)];

    /// <summary>Sends the start of a body, then nothing until the request is cancelled.</summary>
    private sealed class StalledContent : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"requestMetadata\":"), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
