namespace Hyok.Storage.PostgreSql;

/// <summary>A row of <c>audit_records</c> as read for display: instance, seq, the stored line and its indexed time (null when the line is not in Hyok's form).</summary>
internal sealed record AuditRow(string Instance, long Seq, string Line, string? Time);
