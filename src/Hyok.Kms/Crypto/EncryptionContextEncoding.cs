using System.Buffers.Binary;
using System.Text;

namespace Hyok.Kms.Crypto;

/// <summary>
/// The AAD a blob is bound to: <c>header || u32 len(key ARN) || key ARN || u32 pair count || for each pair in
/// ordinal key order: u32 len(key) || key || u32 len(value) || value</c>, all lengths big-endian, strings UTF-8.
/// Length prefixes make the encoding unambiguous; the order makes it independent of the caller's JSON order.
/// </summary>
internal static class EncryptionContextEncoding
{
    public static byte[] Aad(ReadOnlySpan<byte> header, string keyArn, IReadOnlyDictionary<string, string> context)
    {
        using var stream = new MemoryStream();
        stream.Write(header);
        WriteString(stream, keyArn);
        WriteUInt32(stream, (uint)context.Count);
        foreach (var pair in context.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteString(stream, pair.Key);
            WriteString(stream, pair.Value);
        }

        return stream.ToArray();
    }

    private static void WriteString(MemoryStream stream, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        WriteUInt32(stream, (uint)bytes.Length);
        stream.Write(bytes);
    }

    private static void WriteUInt32(MemoryStream stream, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        stream.Write(buffer);
    }
}
