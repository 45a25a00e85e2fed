using System.Buffers;
using System.Text.Json;

namespace Hyok.Auditing;

/// <summary>
/// Serializes records into their exact line bytes (docs/audit.md), reusing one buffer. Shared by every audit sink so a
/// line is byte-identical wherever it is stored (files, PostgreSQL) and its hash is the same. Not thread-safe: one per
/// writer loop.
/// </summary>
internal sealed class AuditLineWriter
{
    private readonly ArrayBufferWriter<byte> _line = new(1024);

    /// <summary>The line of <paramref name="auditEvent"/> as record <paramref name="seq"/> after <paramref name="prev"/>;
    /// valid until the next call.</summary>
    public ReadOnlySpan<byte> Serialize(long seq, string prev, AuditEvent auditEvent)
    {
        _line.Clear();
        using (var json = new Utf8JsonWriter(_line))
        {
            JsonSerializer.Serialize(json, AuditLine.From(seq, prev, auditEvent), AuditJsonContext.Default.AuditLine);
        }

        return _line.WrittenSpan;
    }
}
