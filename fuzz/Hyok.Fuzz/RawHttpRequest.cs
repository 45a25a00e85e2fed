using System.Text;

namespace Hyok.Fuzz;

/// <summary>
/// The <c>sigv4</c> target's input format, a loose HTTP/1.1 request: <c>METHOD PATH [VERSION]</c>, then
/// <c>Name: value</c> lines, an empty line, and the body bytes exactly. Lines end with LF or CRLF; the head is UTF-8.
/// Repeated headers are joined with <c>", "</c> and names compared case-insensitively, as Kestrel presents them.
/// </summary>
internal sealed record RawHttpRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static RawHttpRequest Parse(byte[] input)
    {
        int split = input.AsSpan().IndexOf("\n\n"u8);
        int crlfSplit = input.AsSpan().IndexOf("\r\n\r\n"u8);
        (int headEnd, int bodyStart) = (split, crlfSplit) switch
        {
            ( < 0, < 0) => (input.Length, input.Length),
            ( >= 0, var c) when c < 0 || split < c => (split, split + 2),
            _ => (crlfSplit, crlfSplit + 4),
        };
        string[] lines = Encoding.UTF8.GetString(input, 0, headEnd).Split('\n');
        string[] requestLine = lines[0].TrimEnd('\r').Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                string value = line[(colon + 1)..].TrimEnd('\r');
                headers.Add(new(line[..colon], value.StartsWith(' ') ? value[1..] : value));
            }
        }

        return new RawHttpRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "", headers, input[bodyStart..]);
    }

    /// <summary>
    /// The value of <paramref name="name"/> (any case) as the server presents it (Hyok.Server's SigV4HttpRequest): one
    /// value as sent, repeated values trimmed and joined with <c>,</c>; null when absent.
    /// </summary>
    public string? Header(string name)
    {
        string[] values = [.. Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];
        return values.Length switch
        {
            0 => null,
            1 => values[0],
            _ => string.Join(',', values.Select(v => v.Trim())),
        };
    }
}
