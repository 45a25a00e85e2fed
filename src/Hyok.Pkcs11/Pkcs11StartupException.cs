namespace Hyok.Pkcs11;

/// <summary>
/// The PKCS#11 backend cannot start: invalid options, module not found, token not found, PIN rejected...
/// The message is one clear line for the operator; it never contains the PIN or key material.
/// </summary>
public sealed class Pkcs11StartupException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public Pkcs11StartupException()
        : base("The PKCS#11 backend cannot start.")
    {
    }

    /// <summary>Creates an exception with a one-line message.</summary>
    public Pkcs11StartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a one-line message and its cause.</summary>
    public Pkcs11StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
