namespace Hyok.Server.Tests.Support;

/// <summary>How a generated request is authenticated.</summary>
public enum BadRequestSigning
{
    /// <summary>Signed by <see cref="Hyok.Client.XksClient"/> with a valid credential of the path's key store, so the parser runs.</summary>
    ClientSigned,

    /// <summary>Sent without any SigV4 headers.</summary>
    NoSignature,
}

/// <summary>
/// One generated malformed request. Every random choice is made when it is generated, so a seed
/// reproduces the same list whatever order the requests are sent in.
/// </summary>
/// <param name="Kind">The category, e.g. <c>truncated</c>, <c>wrong-type</c>.</param>
/// <param name="Detail">What exactly was broken (for failure messages).</param>
/// <param name="Path">The absolute request path (may be garbage).</param>
/// <param name="Body">The exact body bytes.</param>
/// <param name="Signing">Signed by the XKS client, or not.</param>
/// <param name="Tamper">Applied to the request after signing (headers, content type), or null.</param>
/// <param name="MaySucceed">The input might be valid after all (e.g. null for an optional field): a well-formed 200 is fine.</param>
/// <param name="ExpectedStatus">The status the request must get, when that is certain.</param>
/// <param name="Method">The HTTP method.</param>

public sealed record BadRequest(
    string Kind,
    string Detail,
    string Path,
    byte[] Body,
    BadRequestSigning Signing = BadRequestSigning.ClientSigned,
    Action<HttpRequestMessage>? Tamper = null,
    bool MaySucceed = false,
    int? ExpectedStatus = null,
    string Method = "POST")
{
    public override string ToString() => $"{Kind} [{Detail}] {Method} {(Path.Length > 120 ? Path[..120] + "..." : Path)} ({Body.Length} bytes, {Signing})";
}
