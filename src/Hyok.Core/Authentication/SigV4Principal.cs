namespace Hyok.Authentication;

/// <summary>The caller proven by a valid SigV4 signature (xks-spec.md §7.1): the access key id that signed.</summary>
/// <param name="AccessKeyId">The access key id of the credential (xks-spec.md §7.2); not secret, safe to log.</param>
public sealed record SigV4Principal(string AccessKeyId);
