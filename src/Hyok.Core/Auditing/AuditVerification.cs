namespace Hyok.Auditing;

/// <summary>
/// The outcome of <see cref="AuditVerifier"/>: valid with the record count and the head (last record), or the FIRST
/// broken record: where it is and why.
/// </summary>
public sealed record AuditVerification
{
    public bool IsValid => Problem is null;

    /// <summary>How many records were checked (up to the first problem).</summary>
    public long Count { get; init; }

    /// <summary>The last valid record: seq, hash and file (seq 0 and the genesis hash for an empty trail).</summary>
    public required AuditHead Head { get; init; }

    /// <summary>The anchor the chain was checked against (<see cref="AuditVerifier.Verify"/>), null when from record 1.</summary>
    public AuditHead? Anchor { get; init; }

    /// <summary>The seq of the first record checked (null when none was): 1 for a whole trail; with an <see cref="Anchor"/>,
    /// the oldest record kept (its link to the archived ones before it is not checked).</summary>
    public long? FirstSeq { get; init; }

    /// <summary>The file of the first broken record (or of the problem), null when valid.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line of the first broken record, null when valid or when the problem is not one line.</summary>
    public long? Line { get; init; }

    /// <summary>The seq of the first broken record when it could be read.</summary>
    public long? Seq { get; init; }

    /// <summary>Why, e.g. <c>record 57 (audit-000002.jsonl line 12): prev hash does not match record 56 ...</c>; null when valid.</summary>
    public string? Problem { get; init; }
}
