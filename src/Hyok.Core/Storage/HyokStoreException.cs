namespace Hyok.Storage;

/// <summary>
/// A failure of Hyok's state store or its master key: a missing or unreadable file, a master key that
/// does not match the database, a damaged database. The message is written for an operator and says
/// what to fix; it never contains key material or secrets. Not an XKS wire error: backends translate it
/// at their boundary.
/// </summary>
public class HyokStoreException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public HyokStoreException()
        : base("The Hyok key store failed.")
    {
    }

    /// <summary>Creates an exception with an operator-facing message.</summary>
    public HyokStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with an operator-facing message and the underlying cause.</summary>
    public HyokStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
