using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyok.Cli.Conformance;

/// <summary>One answer of the proxy: status, HTTP version and the body bytes (parsed on demand, never printed).</summary>
internal sealed class XksAnswer(int status, Version version, byte[] body)
{
    public int Status => status;

    public Version Version => version;

    public byte[] Body => body;

    public bool IsSuccess => status == 200;

    /// <summary>The body as a JSON object, or null when it is not one.</summary>
    public JsonObject? Json()
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>errorName</c> of the body, made safe to print (printable ASCII, at most 64 characters); null when absent.</summary>
    public string? ErrorName() =>
        Json()?["errorName"] is JsonValue value && value.TryGetValue(out string? name) ? Printable(name) : null;

    /// <summary>How the answer reads in a report: <c>400 InvalidCiphertextException</c>, <c>200</c>, <c>500 (body is not XKS error JSON)</c>.</summary>
    public string Describe() => IsSuccess
        ? "200"
        : ErrorName() is { } name ? $"{status} {name}" : $"{status} (body is not XKS error JSON)";

    private static string Printable(string text)
    {
        var safe = new string([.. text.Take(64).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return text.Length > 64 ? safe + "..." : safe;
    }
}
