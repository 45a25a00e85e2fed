namespace Hyok.Authentication;

/// <summary>
/// What <see cref="SigV4Verifier"/> needs of an incoming request (xks-spec.md §7.1).
/// </summary>
/// <param name="Method">The HTTP method as received (KMS always sends <c>POST</c>).</param>
/// <param name="Path">The raw, undecoded request path, e.g. <c>/prefix/kms/xks/v1/health</c>; no query.</param>
/// <param name="Header">
/// Looks a header up by its lower-case name (case-insensitively) and returns its value, with repeated
/// headers combined by <c>", "</c>, or null when absent. For HTTP/2 <c>host</c> must return <c>:authority</c>.
/// </param>
/// <param name="Body">The exact body bytes received.</param>
public sealed record SigV4Request(string Method, string Path, Func<string, string?> Header, ReadOnlyMemory<byte> Body);
