using System.Text.Json.Nodes;

namespace Hyok.Cli.Conformance;

/// <summary>
/// The rule every error body must keep (xks-spec.md §6.1, §12 item 21): one line of JSON, an object with a string
/// <c>errorName</c>, and an <c>errorMessage</c>, if any, of fewer than 512 printable ASCII characters (0x20-0x7E).
/// </summary>
internal static class ErrorBodyRule
{
    public const string Description = "single-line JSON with errorName, errorMessage < 512 printable ASCII";

    /// <summary>What is wrong with the body of an error answer, or null when nothing is.</summary>
    public static string? Problem(XksAnswer answer)
    {
        var body = answer.Body.AsSpan();
        if (body.EndsWith("\n"u8))
        {
            body = body[..^1];
        }

        if (body.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            return "the error body spans several lines";
        }

        if (answer.Json() is not { } json)
        {
            return answer.Body.Length == 0 ? "the error body is empty" : "the error body is not a JSON object";
        }

        if (json["errorName"] is not JsonValue name || !name.TryGetValue(out string? errorName) || errorName.Length == 0)
        {
            return "the error body has no string errorName";
        }

        return json["errorMessage"] switch
        {
            null => null,
            JsonValue message when message.TryGetValue(out string? text) => MessageProblem(text),
            _ => "errorMessage is not a string",
        };
    }

    private static string? MessageProblem(string text) =>
        text.Length >= 512 ? $"errorMessage has {text.Length} characters (must be < 512)"
        : text.Any(c => c is < ' ' or > '~') ? "errorMessage is not printable ASCII"
        : null;
}
