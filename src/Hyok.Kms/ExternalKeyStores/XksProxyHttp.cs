using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using Hyok.Server.Tls;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// The one HttpClient of one proxy: TLS 1.2/1.3 (xks-spec.md §1) validated by <see cref="XksProxyTrust"/>, HTTP/1.1,
/// persistent connections, no system HTTP proxy, no redirects, no cookies — KMS talks to the proxy directly. With a client
/// certificate, it is presented (with its intermediates) to every proxy asking for one, as KMS does (§7.5).
/// </summary>
internal static class XksProxyHttp
{
    public static HttpClient Create(XksProxyTrust trust, ServerCertificate? clientCertificate, Func<SocketsHttpHandler, HttpMessageHandler> customize)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => trust.Accepts(certificate, chain, errors);
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate.Leaf, clientCertificate.Chain, offline: true);
        }

        return new HttpClient(customize(handler), disposeHandler: true)
        {
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
