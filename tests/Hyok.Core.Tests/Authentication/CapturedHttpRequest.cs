namespace Hyok.Authentication;

/// <summary>A request as it arrived on the wire: request line, headers (repeats joined by ", ") and exact body.</summary>
internal sealed record CapturedHttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public SigV4Request ToSigV4Request(byte[]? body = null, string? path = null) =>
        new(Method, path ?? Path, name => Headers.TryGetValue(name, out string? value) ? value : null, body ?? Body);
}
