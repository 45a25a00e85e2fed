using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hyok.Authorization;

namespace Hyok.Cli.Commands;

/// <summary>Prints blocks as an aligned table or as JSON, and the words the CLI uses for them.</summary>
internal static class BlockTable
{
    public static string Target(Block block) => $"{BlockKinds.Text(block.Kind)} '{block.Value}'";

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture);

    public static string End(Block block) => block.Until is { } until ? $"until {Time(until)}" : "until unblocked";

    public static void Print(IEnumerable<Block> blocks, DateTimeOffset now)
    {
        Console.WriteLine($"{"ID",-6} {"KIND",-10} {"VALUE",-40} {"STATE",-8} {"UNTIL",-20} {"CREATED",-20} REASON");
        foreach (var block in blocks)
        {
            var until = block.Until is { } end ? Time(end) : "-";
            var state = block.IsActiveAt(now) ? "active" : "expired";
            Console.WriteLine($"{block.Id,-6} {BlockKinds.Text(block.Kind),-10} {block.Value,-40} {state,-8} {until,-20} {Time(block.CreatedAt),-20} {block.Reason}".TrimEnd());
        }
    }

    public static string Json(IEnumerable<Block> blocks, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var block in blocks)
            {
                json.WriteStartObject();
                json.WriteNumber("id", block.Id);
                json.WriteString("kind", BlockKinds.Text(block.Kind));
                json.WriteString("value", block.Value);
                json.WriteBoolean("active", block.IsActiveAt(now));
                WriteTime(json, "until", block.Until);
                WriteTime(json, "createdAt", block.CreatedAt);
                json.WriteString("reason", block.Reason);
                json.WriteString("error", block.ErrorCode.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
