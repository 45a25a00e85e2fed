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
    public static IReadOnlyList<ushort> LegacySuites { get; } = [0xC014, 0xC013, 0xC00A, 0xC009, 0x0035, 0x002F, 0x000A];

    public static Task<TlsHelloAnswer> OfferAsync(Uri endpoint, ushort version, CancellationToken cancellationToken) => OfferAsync(
        endpoint.IdnHost, endpoint.Port, endpoint.HostNameType == UriHostNameType.Dns ? endpoint.IdnHost : null, version, LegacySuites, TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>
    /// Connects to <paramref name="host"/>:<paramref name="port"/> and offers <paramref name="version"/> (0x0301-0x0303) with
    /// <paramref name="suites"/>, naming <paramref name="serverName"/> in SNI (none when null). TLS 1.2 offers also carry
    /// signature_algorithms (RFC 5246 §7.4.1.4.1).
    /// </summary>
    public static async Task<TlsHelloAnswer> OfferAsync(
        string host, int port, string? serverName, ushort version, IReadOnlyList<ushort> suites, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Record(ClientHello(serverName, version, suites)), deadline.Token).ConfigureAwait(false);
        // Record header (type, version, length), then an alert (level, description) or a handshake (type, length, version,
        // random, session id, cipher suite).
        var header = new byte[44];
        var suite = new byte[2];
        try
        {
            await stream.ReadExactlyAsync(header.AsMemory(0, 7), deadline.Token).ConfigureAwait(false);
            if (header[0] == 0x15)
            {
                return new(false, $"alert {header[6]}{(header[6] == 70 ? " (protocol_version)" : header[6] == 40 ? " (handshake_failure)" : string.Empty)}");
            }

            await stream.ReadExactlyAsync(header.AsMemory(7, 4), deadline.Token).ConfigureAwait(false);
            if (header[0] != 0x16 || header[5] != 0x02)
            {
                return new(false, $"a record of type {header[0]}");
            }

            await stream.ReadExactlyAsync(header.AsMemory(11, 33), deadline.Token).ConfigureAwait(false);
            await stream.ReadExactlyAsync(new byte[header[43]], deadline.Token).ConfigureAwait(false);
            await stream.ReadExactlyAsync(suite, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return new(false, "connection closed");
        }

        var answered = (header[9] << 8) | header[10];
        return new(answered == version, $"ServerHello for version 0x{answered:x4}", (ushort)((suite[0] << 8) | suite[1]));
    }

    private static byte[] ClientHello(string? serverName, ushort version, IReadOnlyList<ushort> suites)
    {
        var extensions = new List<byte>();
        if (serverName is not null)
        {
            var name = Encoding.ASCII.GetBytes(serverName);
            Extension(extensions, 0x0000, [.. U16(name.Length + 3), 0, .. U16(name.Length), .. name]);
        }

        Extension(extensions, 0x000A, [0, 6, 0x00, 0x1D, 0x00, 0x17, 0x00, 0x18]);
        Extension(extensions, 0x000B, [1, 0]);
        Extension(extensions, 0xFF01, [0]);
        if (version >= 0x0303)
        {
            // ECDSA P-256/P-384 SHA-256/384, RSA-PSS SHA-256/384, RSA PKCS#1 SHA-256/384.
            Extension(extensions, 0x000D, [0, 12, 0x04, 0x03, 0x05, 0x03, 0x08, 0x04, 0x08, 0x05, 0x04, 0x01, 0x05, 0x01]);
        }
        byte[] body = [.. U16(version), .. RandomNumberGenerator.GetBytes(32), 0, .. U16(suites.Count * 2), .. suites.SelectMany(U16),
            1, 0, .. U16(extensions.Count), .. extensions];
        return [1, (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];
    }

    private static byte[] Record(byte[] handshake) => [0x16, 0x03, 0x01, .. U16(handshake.Length), .. handshake];

    private static void Extension(List<byte> extensions, ushort type, byte[] data) => extensions.AddRange([.. U16(type), .. U16(data.Length), .. data]);

    private static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] U16(ushort value) => U16((int)value);
}
