using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// A TLS connection to a test server, driven by hand: for partial, trickled and oversized requests that HttpClient
/// would never send. The server's certificate is pinned as in <see cref="ProxyFixture.NewHttpClient"/>.
/// </summary>
public sealed class RawTlsConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    private RawTlsConnection(TcpClient tcp, SslStream tls)
    {
        _tcp = tcp;
        Stream = tls;
    }

    public SslStream Stream { get; }

    /// <summary>Connects and completes the TLS handshake, offering <paramref name="alpn"/> (<c>http/1.1</c> or <c>h2</c>).</summary>
    public static async Task<RawTlsConnection> OpenAsync(ProxyFixture proxy, string alpn = "http/1.1")
    {
        var expected = File.ReadAllText(proxy.Options.Server.CertificateFile!);
        var tcp = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await tcp.ConnectAsync(proxy.BaseUri.Host, proxy.BaseUri.Port, timeout.Token);
            var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
                certificate is not null && expected.Contains(Convert.ToBase64String(certificate.GetRawCertData())[..64], StringComparison.Ordinal));
            var options = new SslClientAuthenticationOptions { TargetHost = "localhost", ApplicationProtocols = [new SslApplicationProtocol(alpn)] };
            await tls.AuthenticateAsClientAsync(options, timeout.Token);
            return new RawTlsConnection(tcp, tls);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public Task SendAsync(string text) => Stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    /// <summary>
    /// Reads what the server sends until it closes (or resets) the connection, <paramref name="until"/> arrives, or
    /// <paramref name="bound"/> passes; <c>Closed</c> says whether the server closed it.
    /// </summary>
    public async Task<(string Text, bool Closed)> ReadAsync(TimeSpan bound, string? until = null)
    {
        using var timeout = new CancellationTokenSource(bound);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await Stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (until is not null && received.ToString().Contains(until, StringComparison.Ordinal))
                {
                    return (received.ToString(), false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return (received.ToString(), false);
        }
        catch (IOException)
        {
            // Reset by the server: closed all the same.
        }

        return (received.ToString(), true);
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        _tcp.Dispose();
    }
}
