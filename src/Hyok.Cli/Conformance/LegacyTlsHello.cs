using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Hyok.Cli.Conformance;

/// <summary>
/// Offers the proxy a TLS 1.0 or 1.1 ClientHello written byte by byte (RFC 2246/4346), so the answer shows what the
/// server does, whatever the local TLS library would still agree to send. Accepted means a ServerHello of that version.
/// </summary>
internal static class LegacyTlsHello
{
    /// <summary>ECDHE and RSA suites with AES-CBC and 3DES, the usual TLS 1.0/1.1 offer.</summary>
    private static readonly ushort[] Suites = [0xC014, 0xC013, 0xC00A, 0xC009, 0x0035, 0x002F, 0x000A];

    public static async Task<(bool Accepted, string Answer)> OfferAsync(Uri endpoint, ushort version, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.IdnHost, endpoint.Port, timeout.Token).ConfigureAwait(false);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Record(ClientHello(endpoint, version)), timeout.Token).ConfigureAwait(false);
        // Record header (type, version, length), then an alert (level, description) or a handshake (type, length, version).
        var header = new byte[11];
        try
        {
            await stream.ReadExactlyAsync(header.AsMemory(0, 7), timeout.Token).ConfigureAwait(false);
            if (header[0] == 0x15)
            {
                return (false, $"alert {header[6]}{(header[6] == 70 ? " (protocol_version)" : header[6] == 40 ? " (handshake_failure)" : string.Empty)}");
            }

            await stream.ReadExactlyAsync(header.AsMemory(7, 4), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return (false, "connection closed");
        }

        var answered = (header[9] << 8) | header[10];
        return header[0] == 0x16 && header[5] == 0x02
            ? (answered == version, $"ServerHello for version 0x{answered:x4}")
            : (false, $"a record of type {header[0]}");
    }

    private static byte[] ClientHello(Uri endpoint, ushort version)
    {
        var extensions = new List<byte>();
        if (endpoint.HostNameType == UriHostNameType.Dns)
        {
            var name = Encoding.ASCII.GetBytes(endpoint.IdnHost);
            Extension(extensions, 0x0000, [.. U16(name.Length + 3), 0, .. U16(name.Length), .. name]);
        }

        Extension(extensions, 0x000A, [0, 6, 0x00, 0x1D, 0x00, 0x17, 0x00, 0x18]);
        Extension(extensions, 0x000B, [1, 0]);
        Extension(extensions, 0xFF01, [0]);
        byte[] body = [.. U16(version), .. RandomNumberGenerator.GetBytes(32), 0, .. U16(Suites.Length * 2), .. Suites.SelectMany(U16),
            1, 0, .. U16(extensions.Count), .. extensions];
        return [1, (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];
    }

    private static byte[] Record(byte[] handshake) => [0x16, 0x03, 0x01, .. U16(handshake.Length), .. handshake];

    private static void Extension(List<byte> extensions, ushort type, byte[] data) => extensions.AddRange([.. U16(type), .. U16(data.Length), .. data]);

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] U16(ushort value) => U16((int)value);
}
