namespace Hyok.Protocol;

/// <summary>Decrypt response (xks-spec.md §4.3).</summary>
public sealed record DecryptResponse(string Plaintext);
