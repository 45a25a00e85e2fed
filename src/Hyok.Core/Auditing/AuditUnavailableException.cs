namespace Hyok.Auditing;

/// <summary>The audit trail cannot record events (disk full, directory gone, writer stopped). Its message has no secrets.</summary>
public sealed class AuditUnavailableException : Exception
{
    public AuditUnavailableException()
    {
    }

    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
