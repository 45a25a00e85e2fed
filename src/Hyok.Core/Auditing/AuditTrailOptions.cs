namespace Hyok.Auditing;

/// <summary>Where and how <see cref="AuditTrailWriter"/> writes the trail (docs/audit.md).</summary>
public sealed record AuditTrailOptions
{
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The audit folder (created with mode 0700 on Unix); files <c>audit-000001.jsonl</c>, ... inside.</summary>
    public required string Directory { get; init; }

    /// <summary>Start a new file before the current one would grow past this size (a single record may exceed it).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Start a new file when the current one is older than this.</summary>
    public TimeSpan MaxFileAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>fsync every batch before acknowledging it (default). Off: records survive a crash of the process, not of the machine.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>The default of <see cref="MaxBatchRecords"/>, also the PostgreSQL trail's batch cap.</summary>
    public const int DefaultMaxBatchRecords = 4096;

    /// <summary>At most this many records share one write and fsync (group commit).</summary>
    public int MaxBatchRecords { get; init; } = DefaultMaxBatchRecords;
}
