using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hyok.Authentication;

/// <summary>
/// A minimal HTTP/1.1 server on a raw <see cref="TcpListener"/> (127.0.0.1, random port) that captures one
/// request byte for byte and answers 200 with <c>{}</c>. No framework touches the headers or body.
/// </summary>
internal sealed class RawHttpCapture : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public RawHttpCapture() => listener.Start();

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async Task<CapturedHttpRequest> AcceptOneAsync(CancellationToken cancellationToken)
    {
        using TcpClient client = await listener.AcceptTcpClientAsync(cancellationToken);
        NetworkStream stream = client.GetStream();
        var received = new List<byte>();
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = received.ToArray().AsSpan().IndexOf(HeaderEnd)) < 0)
        {
            int read = await stream.ReadAsync(chunk, cancellationToken);
            Assert.True(read > 0, "connection closed before the end of the request head");
            received.AddRange(chunk.AsSpan(0, read));
        }

        string[] lines = Encoding.Latin1.GetString(received.ToArray(), 0, headEnd).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string name = line[..colon].Trim();
            string value = line[(colon + 1)..].Trim(' ', '\t');
            headers[name] = headers.TryGetValue(name, out string? earlier) ? earlier + ", " + value : value;
        }

        if (headers.TryGetValue("Expect", out string? expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken);
        }

        int length = headers.TryGetValue("Content-Length", out string? text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = new List<byte>(received.Skip(headEnd + HeaderEnd.Length));
        while (body.Count < length)
        {
            int read = await stream.ReadAsync(chunk, cancellationToken);
            Assert.True(read > 0, "connection closed before the end of the body");
            body.AddRange(chunk.AsSpan(0, read));
        }

        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"u8.ToArray(), cancellationToken);
        return new CapturedHttpRequest(requestLine[0], requestLine[1], headers, [.. body]);
    }

    public void Dispose() => listener.Dispose();
}
