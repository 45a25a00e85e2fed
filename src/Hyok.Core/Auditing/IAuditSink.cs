namespace Hyok.Auditing;

/// <summary>
/// Where audit events go. <see cref="AppendAsync"/> completes only once the event is durable; it throws
/// <see cref="AuditUnavailableException"/> when the event cannot be written, and the request must then fail
/// closed (InternalException) rather than be answered unaudited.
/// </summary>
public interface IAuditSink
{
    ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
