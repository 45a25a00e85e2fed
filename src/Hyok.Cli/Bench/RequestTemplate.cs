using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyok.Cli.Bench;

/// <summary>
/// A request body serialised once, with a fresh <c>kmsRequestId</c> (a UUID, as KMS sends) spliced in per request:
/// one array per request and no JSON work on the hot path.
/// </summary>
internal sealed class RequestTemplate
{
    public const string RequestIdPlaceholder = "00000000-0000-0000-0000-000000000000";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly byte[] _prefix;
    private readonly byte[] _suffix;

    /// <param name="operationPath">Path below the API base, e.g. <c>health</c> or <c>keys/demo-key/encrypt</c>.</param>
    /// <param name="body">The body, whose <c>requestMetadata.kmsRequestId</c> is <see cref="RequestIdPlaceholder"/>.</param>
    public RequestTemplate(string operationPath, JsonObject body)
    {
        OperationPath = operationPath;
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(Relaxed));
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(RequestIdPlaceholder));
        _prefix = bytes[..at];
        _suffix = bytes[(at + RequestIdPlaceholder.Length)..];
    }

    public string OperationPath { get; }

    public byte[] NextBody()
    {
        var body = new byte[_prefix.Length + RequestIdPlaceholder.Length + _suffix.Length];
        _prefix.CopyTo(body, 0);
        Guid.NewGuid().TryFormat(body.AsSpan(_prefix.Length, RequestIdPlaceholder.Length), out _);
        _suffix.CopyTo(body, _prefix.Length + RequestIdPlaceholder.Length);
        return body;
    }
}
