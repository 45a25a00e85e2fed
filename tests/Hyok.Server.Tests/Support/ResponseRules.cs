using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// The house rule for XKS responses as a checker that reports instead of throwing (so a fuzz run can
/// collect every violation): an error is one of the spec statuses (never 500 for bad input), served as
/// <c>application/json</c>, a single-line JSON object whose <c>errorName</c> is in xks-spec.md §6.2 and
/// matches the status, with an <c>errorMessage</c> of printable ASCII under 512 characters and no stack trace.
/// </summary>
public static partial class ResponseRules
{
    private static readonly Dictionary<string, int[]> StatusesByName = new(StringComparer.Ordinal)
    {
        ["ValidationException"] = [400],
        ["InvalidStateException"] = [400],
        ["InvalidCiphertextException"] = [400],
        ["InvalidKeyUsageException"] = [400],
        ["AuthenticationFailedException"] = [401],
        ["AccessDeniedException"] = [403],
        ["KeyNotFoundException"] = [404],
        ["InvalidUriPathException"] = [404],
        ["ThrottlingException"] = [429],
        ["UnsupportedOperationException"] = [501, 405],
        ["DependencyTimeoutException"] = [503],
        ["InternalException"] = [500],
    };

    /// <summary>The statuses bad input may get; 500 is deliberately absent (bad input is never an internal error).</summary>
    private static readonly int[] BadInputStatuses = [400, 401, 404, 405, 429, 501, 503];

    /// <summary>Null when <paramref name="reply"/> follows the rule, else what is wrong.</summary>
    /// <param name="reply">The response.</param>
    /// <param name="maySucceed">Whether the input might be valid after all (then a well-formed 200 is fine).</param>
    /// <param name="expectedStatus">The status the input must get, when it is certain.</param>
    public static string? Check(XksReplyText reply, bool maySucceed, int? expectedStatus = null)
    {
        if (expectedStatus is { } expected && reply.Status != expected)
        {
            return $"expected status {expected}, got {reply.Status}: {Clip(reply.Text)}";
        }

        if (reply.MediaType != "application/json")
        {
            return $"status {reply.Status} with Content-Type '{reply.MediaType}' instead of application/json: {Clip(reply.Text)}";
        }

        var text = reply.Text;
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
        {
            return $"body is not single-line: {Clip(text)}";
        }

        if (StackTraceProblem(text) is { } trace)
        {
            return trace;
        }

        if (reply.Status == 200)
        {
            return maySucceed ? SuccessProblem(text) : $"bad input was accepted with 200: {Clip(text)}";
        }

        return Array.IndexOf(BadInputStatuses, reply.Status) < 0
            ? $"status {reply.Status} is not one bad input may get: {Clip(text)}"
            : ErrorProblem(reply.Status, text);
    }

    /// <summary>Null when <paramref name="text"/> is a spec error body (xks-spec.md §6.1) fitting <paramref name="status"/>.</summary>
    public static string? ErrorProblem(int status, string text)
    {
        if (Parse(text) is not JsonObject body)
        {
            return $"error body is not a JSON object: {Clip(text)}";
        }

        if (body["errorName"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String)
        {
            return $"error body has no string errorName: {Clip(text)}";
        }

        var name = nameValue.GetValue<string>();
        if (!StatusesByName.TryGetValue(name, out var statuses) || Array.IndexOf(statuses, status) < 0)
        {
            return $"errorName '{name}' is not the spec's name for status {status}: {Clip(text)}";
        }

        if (body["errorMessage"] is { } messageNode)
        {
            if (messageNode is not JsonValue messageValue || messageValue.GetValueKind() != JsonValueKind.String)
            {
                return $"errorMessage is not a string: {Clip(text)}";
            }

            var message = messageValue.GetValue<string>();
            if (message.Length >= 512 || message.Any(c => c is < ' ' or > '~'))
            {
                return $"errorMessage is not printable ASCII under 512 characters: {Clip(text)}";
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="text"/> shows no trace of an exception (frames, type names, source paths).</summary>
    public static string? StackTraceProblem(string text) =>
        StackTrace().IsMatch(text) ? $"body looks like it carries exception text: {Clip(text)}" : null;

    private static string? SuccessProblem(string text) =>
        Parse(text) is JsonObject body && body["errorName"] is null ? null : $"200 without a success body: {Clip(text)}";

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "...";

    // "   at Some.Type.Method(", "SomeException: text", "/path/File.cs:line 42", "--->" (inner exception), "System.xxx".
    [GeneratedRegex(@"\bat [\w.`<>\[\]+]+\.[\w<>`]+\(|\w*Exception: \S|\.cs:line \d|--->|\bSystem\.[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex StackTrace();
}
