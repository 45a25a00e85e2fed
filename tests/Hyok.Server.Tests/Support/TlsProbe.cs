using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Hyok.Server.Tests.Support;

/// <summary>A raw TLS connection to a local server: which certificate it serves, and an HTTP/1.1 ping over a kept connection.</summary>
public sealed class TlsProbe : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly SslStream _tls;

    private TlsProbe(TcpClient tcp, SslStream tls) => (_tcp, _tls) = (tcp, tls);

    /// <summary>The leaf certificate the server sent (the probe accepts any: it inspects, it does not trust).</summary>
    public X509Certificate2 ServerCertificate => X509CertificateLoader.LoadCertificate(_tls.RemoteCertificate!.GetRawCertData());

    public static async Task<TlsProbe> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => certificate is not null);
        await tls.AuthenticateAsClientAsync("localhost");
        return new TlsProbe(tcp, tls);
    }

    public static async Task<string> ServedThumbprintAsync(int port)
    {
        await using var probe = await ConnectAsync(port);
        using var certificate = probe.ServerCertificate;
        return certificate.Thumbprint;
    }

    /// <summary>Sends <c>GET /ping</c> on this connection (kept alive) and returns the status line.</summary>
    public async Task<string> PingAsync()
    {
        await _tls.WriteAsync(Encoding.ASCII.GetBytes("GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        var buffer = new byte[4096];
        var read = await _tls.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _tls.DisposeAsync();
        _tcp.Dispose();
    }
}
