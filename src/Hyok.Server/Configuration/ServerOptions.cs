namespace Hyok.Server.Configuration;

/// <summary>Listening, TLS and request-size settings (<c>Hyok:Server</c>).</summary>
public sealed class ServerOptions
{
    /// <summary>Addresses to listen on, each <c>IP:port</c> or <c>localhost:port</c>.</summary>
    public IList<string> Listen { get; } = [];

    /// <summary>PEM file with the server certificate, followed by its intermediate certificates (full chain).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM file with the certificate's private key (PKCS#8, RSA or EC).</summary>
    public string? CertificateKeyFile { get; set; }

    /// <summary>Unauthenticated GET route for load balancer health checks; empty disables it.</summary>
    public string PingPath { get; set; } = "/ping";

    /// <summary>Largest accepted request body; larger bodies get 501 UnsupportedOperationException.</summary>
    public int MaxRequestBodyBytes { get; set; } = 65536;

    /// <summary>Time allowed for one key backend call before the proxy answers 503 DependencyTimeoutException.</summary>
    public int BackendTimeoutMilliseconds { get; set; } = 200;

    /// <summary>Limits against oversized and slow clients.</summary>
    public ConnectionLimitsOptions Connections { get; set; } = new();

    /// <summary>Certificate reload, expiry warning and optional mutual TLS (<c>Hyok:Server:Tls</c>).</summary>
    public TlsOptions Tls { get; set; } = new();
}
