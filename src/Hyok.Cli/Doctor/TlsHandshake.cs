using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Hyok.Cli.Doctor;

/// <summary>A completed handshake: version, suite, the server's certificate and the other certificates it sent; or why none completed.</summary>
internal sealed class TlsHandshake
{
    public SslProtocols Protocol { get; init; }

    public TlsCipherSuite Suite { get; init; }

    public X509Certificate2? Leaf { get; init; }

    /// <summary>The certificates the server sent besides its own (the intermediates it serves).</summary>
    public X509Certificate2Collection Sent { get; init; } = [];

    /// <summary>Null when the handshake completed; else what went wrong.</summary>
    public string? Failure { get; init; }

    /// <summary>The handshake did not complete within the timeout.</summary>
    public bool TimedOut { get; init; }

    public bool Succeeded => Failure is null;
}
