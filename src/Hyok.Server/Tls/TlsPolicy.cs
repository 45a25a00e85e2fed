using System.Net.Security;
using System.Security.Authentication;

namespace Hyok.Server.Tls;

/// <summary>
/// The TLS versions and cipher suites the server accepts (xks-spec.md §1, §8): TLS 1.2 with the two ECDHE AES-256-GCM
/// suites (one for RSA, one for ECDSA certificates) and TLS 1.3 with AES-256-GCM or ChaCha20-Poly1305; nothing else.
/// </summary>
internal static class TlsPolicy
{
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    public static IReadOnlyList<TlsCipherSuite> CipherSuites { get; } =
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    ];

    /// <summary>The suites as a policy for <see cref="SslServerAuthenticationOptions"/>; null on Windows, which cannot restrict them per stream.</summary>
    public static CipherSuitesPolicy? CipherSuitesPolicy { get; } = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(CipherSuites);
}
