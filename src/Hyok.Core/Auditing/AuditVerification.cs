namespace Hyok.Auditing;

/// <summary>
/// The outcome of <see cref="AuditVerifier"/>: valid with the record count and the head (last record), or the FIRST
/// broken record: where it is and why.
/// </summary>
public sealed record AuditVerification
{
    public bool IsValid => Problem is null;

    /// <summary>How many records were checked (up to the first problem; after the <see cref="Anchor"/> when there is one).</summary>
    public long Count { get; init; }

    /// <summary>The last valid record: seq, hash and file (seq 0 and the genesis hash for an empty trail).</summary>
    public required AuditHead Head { get; init; }

    /// <summary>The anchor the chain was checked from (<see cref="AuditVerifier.Verify"/>), null when from its first record.</summary>
    public AuditHead? Anchor { get; init; }

    /// <summary>Records at or before the <see cref="Anchor"/> still in the trail: counted, not checked (the anchor vouches for them).</summary>
    public long BeforeAnchor { get; init; }

    /// <summary>The file of the first broken record (or of the problem), null when valid.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line of the first broken record, null when valid or when the problem is not one line.</summary>
    public long? Line { get; init; }

    /// <summary>The seq of the first broken record when it could be read.</summary>
    public long? Seq { get; init; }

    /// <summary>Why, e.g. <c>record 57 (audit-000002.jsonl line 12): prev hash does not match record 56 ...</c>; null when valid.</summary>
    public string? Problem { get; init; }
}
