using System.Net;

namespace Hyok.Cli.Targets;

/// <summary>
/// One connection pool for the whole run, as KMS keeps connections: HTTP/1.1 keep-alive (one connection per
/// concurrent request) or HTTP/2 (one multiplexed connection, more only past the server's stream limit), exact version.
/// </summary>
internal static class XksHttp
{
    /// <summary>How long one request may take before it counts as a <c>Timeout</c> error.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static HttpClient Create(Version version, string? caCertificateFile)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        if (caCertificateFile is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = PinnedTrust.Load(caCertificateFile).Validate;
        }

        return new HttpClient(handler)
        {
            DefaultRequestVersion = version,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = RequestTimeout,
        };
    }
}
