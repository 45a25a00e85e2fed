namespace Hyok.Auditing;

/// <summary>
/// What one XKS request did, as written to the audit trail (xks-spec.md §9 "Logging"): exactly one per
/// request, success or failure. Only identifiers and outcomes: never plaintext, ciphertext, AAD, key
/// material, signatures or secrets. Fields the request never got to (a malformed body has no metadata)
/// stay null. The trail writer adds the sequence number and the hash chain.
/// </summary>
public sealed record AuditEvent
{
    /// <summary>When the request arrived (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The logical key store the path matched; null for a path that matched none.</summary>
    public string? KeyStore { get; init; }

    /// <summary>GetHealthStatus, GetKeyMetadata, Encrypt or Decrypt; null for a path that matched none.</summary>
    public string? XksOperation { get; init; }

    public string? ExternalKeyId { get; init; }

    /// <summary>
    /// The key version an Encrypt used or a Decrypt's ciphertextMetadata named (decision 0010); null for other operations
    /// and requests that got no further. Records written before versioning lack it: they all used version 1.
    /// </summary>
    public int? KeyVersion { get; init; }

    public string? KmsRequestId { get; init; }

    public string? KmsOperation { get; init; }

    public string? AwsPrincipalArn { get; init; }

    public string? KmsKeyArn { get; init; }

    public string? KmsViaService { get; init; }

    public string? AwsSourceVpc { get; init; }

    public string? AwsSourceVpce { get; init; }

    /// <summary>The SigV4 access key id that authenticated the request; null when authentication failed.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The client's IP address as seen by the proxy.</summary>
    public string? SourceIp { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public required int Status { get; init; }

    /// <summary><c>OK</c>, or the errorName answered (xks-spec.md §6.2).</summary>
    public required string Outcome { get; init; }

    /// <summary>
    /// The access decision: which kill switch or policy rule decided, in dry-run too (e.g.
    /// <c>policy allow rule app-role</c>, <c>dry-run policy deny (no rule matched)</c>, <c>block 3 key k1</c>);
    /// null when no decision was taken (GetHealthStatus, or the request failed earlier).
    /// </summary>
    public string? Decision { get; init; }

    /// <summary>Time from arrival until the answer was ready, before the audit write, in milliseconds.</summary>
    public required double LatencyMilliseconds { get; init; }
}
