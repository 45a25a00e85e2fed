namespace Hyok.Auditing;

/// <summary>One record read back from the trail: where it is, its chain fields, its hash and the event it holds.</summary>
/// <param name="File">The file name (no folder), e.g. <c>audit-000002.jsonl</c>.</param>
/// <param name="Line">The 1-based line number in that file.</param>
/// <param name="Seq">The sequence number (1, 2, ... across files).</param>
/// <param name="Prev">The hash of the previous record's line.</param>
/// <param name="Hash">The hash of this record's line: the next record's <paramref name="Prev"/>.</param>
/// <param name="Raw">The line exactly as stored (UTF-8 JSON, no newline).</param>
/// <param name="Event">The audited event, parsed tolerantly.</param>
public sealed record AuditRecord(string File, long Line, long Seq, string Prev, string Hash, string Raw, AuditEvent Event);
