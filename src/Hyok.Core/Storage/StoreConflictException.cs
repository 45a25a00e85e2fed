namespace Hyok.Storage;

/// <summary>
/// A write clashed with a row that exists (a duplicate key id or access key id), in SQLite or PostgreSQL alike.
/// Callers turn it into a message naming what clashed.
/// </summary>
public sealed class StoreConflictException : HyokStoreException
{
    /// <summary>Creates an exception with a default message.</summary>
    public StoreConflictException()
        : base("A row with that key exists already.")
    {
    }

    /// <summary>Creates an exception with an operator-facing message.</summary>
    public StoreConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with an operator-facing message and the database's own error.</summary>
    public StoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
