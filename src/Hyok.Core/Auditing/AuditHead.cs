using System.Text.Json;

namespace Hyok.Auditing;

/// <summary>
/// The chain head at a moment: the last record's seq and hash and its file, when it was exported, and an
/// HMAC-SHA256 signature (<see cref="AuditHeadSigner"/>). Shipped off-box, it lets <c>hyok audit verify --head</c>
/// detect truncation and rewriting of everything up to it. An empty trail has seq 0 and the genesis hash.
/// </summary>
public sealed record AuditHead(long Seq, string Hash, string File, DateTimeOffset Time, string? Signature = null)
{
    /// <summary>One-line JSON: <c>{"seq":..,"hash":"..","file":"..","time":"..","signature":".."}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this with { Time = Truncated(Time) }, AuditJsonContext.Default.AuditHead);

    /// <exception cref="InvalidDataException">Not a head.</exception>
    public static AuditHead Parse(string json)
    {
        try
        {
            var head = JsonSerializer.Deserialize(json, AuditJsonContext.Default.AuditHead);
            return head is { Seq: >= 0, Hash.Length: 64, File: not null } ? head : throw new InvalidDataException("not an audit head (seq, hash, file)");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not an audit head: {e.Message}", e);
        }
    }

    /// <summary>Milliseconds, UTC: what the JSON and the signature carry.</summary>
    internal static DateTimeOffset Truncated(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
