namespace Hyok.Auditing;

/// <summary>
/// A record waiting in a writer's <see cref="AuditQueue{T}"/> for its group commit; <see cref="Durable"/> completes once
/// it is durable (or fails with <see cref="AuditUnavailableException"/>). Shared by every audit sink (file, PostgreSQL).
/// </summary>
internal sealed class PendingAuditRecord(AuditEvent auditEvent)
{
    private const string StoppedMessage = "The audit trail writer is stopped.";

    public AuditEvent Event { get; } = auditEvent;

    public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues <paramref name="auditEvent"/> and completes when the writer has made it durable.</summary>
    /// <exception cref="AuditUnavailableException">It could not be written, or the writer is stopped.</exception>
    public static async ValueTask AppendAsync(AuditQueue<PendingAuditRecord> queue, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var pending = new PendingAuditRecord(auditEvent);
        if (!queue.TryAdd(pending))
        {
            throw new AuditUnavailableException(StoppedMessage);
        }

        await pending.Durable.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
