using Hyok.Storage;

namespace Hyok.Keys.Software;

/// <summary>
/// A refused management request of <see cref="SoftwareKeyStore"/> (invalid or duplicate key id, unknown
/// key or credential...). The message is for the person at the <c>hyok</c> CLI; this is not an XKS wire error.
/// Derives from <see cref="HyokStoreException"/> so one catch covers every store failure.
/// </summary>
public sealed class KeyManagementException : HyokStoreException
{
    /// <summary>Creates an exception with a default message.</summary>
    public KeyManagementException()
        : base("The key store refused the request.")
    {
    }

    /// <summary>Creates an exception with a human-readable message.</summary>
    public KeyManagementException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a human-readable message and its cause.</summary>
    public KeyManagementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
