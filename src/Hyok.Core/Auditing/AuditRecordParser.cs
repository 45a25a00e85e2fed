using System.Text;
using System.Text.Json;

namespace Hyok.Auditing;

/// <summary>Parses one raw line into an <see cref="AuditRecord"/>, tolerating unknown properties.</summary>
internal static class AuditRecordParser
{
    /// <summary>The record, or null with a reason when the line is not a valid audit record.</summary>
    public static AuditRecord? TryParse(byte[] line, string file, long lineNumber, out string? problem)
    {
        AuditLine? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(line, AuditJsonContext.Default.AuditLine);
        }
        catch (JsonException)
        {
            problem = "not valid JSON";
            return null;
        }

        if (parsed is null || parsed.Seq < 1 || parsed.Prev is not { Length: 64 } prev || !IsLowerHex(prev))
        {
            problem = "not an audit record (seq or prev missing or malformed)";
            return null;
        }

        problem = null;
        return new AuditRecord(file, lineNumber, parsed.Seq, prev, AuditChain.Hash(line), Encoding.UTF8.GetString(line), parsed.ToEvent());
    }

    private static bool IsLowerHex(string value) => value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
