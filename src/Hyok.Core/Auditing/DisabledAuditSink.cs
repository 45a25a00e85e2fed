namespace Hyok.Auditing;

/// <summary>The sink for <c>Hyok:Audit:Enabled = false</c> (throwaway test setups): records nothing, never fails.</summary>
public sealed class DisabledAuditSink : IAuditSink
{
    public static readonly DisabledAuditSink Instance = new();

    private DisabledAuditSink()
    {
    }

    public ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
