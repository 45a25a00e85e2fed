using System.Buffers.Binary;
using System.Text;

namespace Hyok.Server.Tests.Support;

/// <summary>One HTTP/2 frame (RFC 9113 §4.1), read and written by hand to test stream limits without a client's own queueing.</summary>
public sealed record Http2Frame(byte Type, byte Flags, int StreamId, byte[] Payload)
{
    public const byte Headers = 0x1;
    public const byte RstStream = 0x3;
    public const byte Settings = 0x4;
    public const byte GoAway = 0x7;
    public const ushort MaxConcurrentStreamsSetting = 0x3;
    public const uint RefusedStream = 0x7;

    public static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    public byte[] Encode()
    {
        var frame = new byte[9 + Payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, Payload.Length << 8 | Type);
        frame[4] = Flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), StreamId);
        Payload.CopyTo(frame, 9);
        return frame;
    }

    /// <summary>A HEADERS frame with END_HEADERS (and END_STREAM if asked), each field an HPACK literal without indexing (RFC 7541 §6.2.2).</summary>
    public static Http2Frame HeadersFrame(int streamId, bool endStream, params (string Name, string Value)[] fields)
    {
        var block = new List<byte>();
        foreach (var (name, value) in fields)
        {
            block.Add(0);
            foreach (var text in new[] { name, value })
            {
                Assert.InRange(text.Length, 0, 126);
                block.Add((byte)text.Length);
                block.AddRange(Encoding.ASCII.GetBytes(text));
            }
        }

        return new Http2Frame(Headers, (byte)(0x4 | (endStream ? 0x1 : 0)), streamId, [.. block]);
    }

    public static async Task<Http2Frame> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[9];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var payload = new byte[BinaryPrimitives.ReadInt32BigEndian(header) >>> 8];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        return new Http2Frame(header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue, payload);
    }

    /// <summary>The value of one setting in a SETTINGS frame, or null if it is not there.</summary>
    public uint? Setting(ushort id)
    {
        for (var i = 0; i + 6 <= Payload.Length; i += 6)
        {
            if (BinaryPrimitives.ReadUInt16BigEndian(Payload.AsSpan(i)) == id)
            {
                return BinaryPrimitives.ReadUInt32BigEndian(Payload.AsSpan(i + 2));
            }
        }

        return null;
    }
}
