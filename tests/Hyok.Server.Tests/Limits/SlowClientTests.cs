using Hyok.Server.Tests.Control;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// Slow clients: a request whose headers stop arriving is closed by Kestrel; one whose body trickles is answered by
/// Hyok with a spec error, audited, and closed. Bounds are generous upper bounds, never lower bounds.
/// </summary>
public sealed class SlowClientTests(SlowClientProxyFixture fixture) : IClassFixture<SlowClientProxyFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connection_PartialRequestLineThenSilence_IsClosed()
    {
        await using var connection = await RawTlsConnection.OpenAsync(fixture.Proxy);
        await connection.SendAsync("POST /alpha/kms/xks");

        var (text, closed) = await connection.ReadAsync(Bound);

        Assert.True(closed, $"the connection was still open after {Bound.TotalSeconds} s");
        Assert.StartsWith("HTTP/1.1 408 ", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kestrel's own handshake timeout is 10 s: a connection closed well before that shows the configured 1 s applies
    /// (an upper bound on a refusal, not a timing of the happy path).
    /// </summary>
    [Fact]
    public async Task Connection_NoTlsHandshake_IsClosedByTheHandshakeTimeout()
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(fixture.Proxy.BaseUri.Host, fixture.Proxy.BaseUri.Port);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(8));

        int read = await tcp.GetStream().ReadAsync(new byte[16], bound.Token);

        Assert.Equal(0, read);
    }

    /// <summary>The default keep-alive timeout is 120 s: a close within the 30 s bound is the configured 2 s.</summary>
    [Fact]
    public async Task Connection_IdleAfterAnAnswer_IsClosedByTheKeepAliveTimeout()
    {
        await using var connection = await RawTlsConnection.OpenAsync(fixture.Proxy);
        await connection.SendAsync("GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n");

        var (text, closed) = await connection.ReadAsync(Bound);

        Assert.StartsWith("HTTP/1.1 200 ", text, StringComparison.Ordinal);
        Assert.True(closed, $"the idle connection was still open after {Bound.TotalSeconds} s");
    }

    [Fact]
    public async Task Request_BodyTrickled_IsValidationExceptionAuditedAndClosed()
    {
        var keyId = $"trickle-{Guid.NewGuid():N}";
        await using var connection = await RawTlsConnection.OpenAsync(fixture.Proxy);
        await connection.SendAsync($"POST /alpha/kms/xks/v1/keys/{keyId}/encrypt HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{");
        using var stop = new CancellationTokenSource();
        var trickle = TrickleAsync(connection, stop.Token);

        var (text, closed) = await connection.ReadAsync(Bound);
        await stop.CancelAsync();
        await trickle;

        Assert.True(closed, "the connection stayed open");
        Assert.StartsWith("HTTP/1.1 400 ", text, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", text, StringComparison.OrdinalIgnoreCase);
        XksAssert.AssertErrorBody(text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..], "ValidationException");
        var record = AuditLookup.OfKeyId(fixture.Proxy.AuditFolder, keyId);
        Assert.Equal(("ValidationException", 400), (record.Outcome, record.Status));
    }

    /// <summary>One body byte every 100 ms until stopped or the server closes the connection.</summary>
    private static async Task TrickleAsync(RawTlsConnection connection, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(100, stop);
                await connection.SendAsync(" ");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
    }
}
