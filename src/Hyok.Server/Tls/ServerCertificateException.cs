namespace Hyok.Server.Tls;

/// <summary>
/// The TLS certificate or key files cannot be used: unreadable, no PEM certificate, no usable private key,
/// or a key that does not belong to the certificate. The message names the files and says what to fix.
/// </summary>
public sealed class ServerCertificateException : Exception
{
    public ServerCertificateException()
        : base("The TLS server certificate cannot be loaded.")
    {
    }

    public ServerCertificateException(string message)
        : base(message)
    {
    }

    public ServerCertificateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
