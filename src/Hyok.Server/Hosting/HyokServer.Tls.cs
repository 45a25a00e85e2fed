using System.Net;
using System.Net.Security;
using Hyok.Server.Configuration;
using Hyok.Server.Metrics;
using Hyok.Server.Tls;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Hosting;

public static partial class HyokServer
{
    /// <summary>
    /// Loads the certificate (start-up errors: <see cref="ServerCertificateException"/>) and registers its provider, which
    /// reloads renewals; with mutual TLS, loads the client CA bundle and registers the client certificate validator.
    /// </summary>
    private static void AddTls(IServiceCollection services, ServerOptions server, TimeProvider timeProvider)
    {
        var tls = server.Tls;
        var initial = ServerCertificateProvider.LoadInitial(server.CertificateFile!, server.CertificateKeyFile!, timeProvider);
        services.AddSingleton(sp => new ServerCertificateProvider(
            initial, server.CertificateFile!, server.CertificateKeyFile!, TimeSpan.FromSeconds(tls.ReloadIntervalSeconds), tls.ExpiryWarningDays,
            timeProvider, sp.GetRequiredService<ILogger<ServerCertificateProvider>>()));
        if (tls.RequiresClientCertificates)
        {
            var bundle = ClientCertificateAuthorityProvider.LoadInitial(tls.ClientCertificateAuthorityFile!); // a start-up error, before any service starts
            services.AddSingleton(sp => new ClientCertificateAuthorityProvider(
                bundle, tls.ClientCertificateAuthorityFile!, TimeSpan.FromSeconds(tls.ReloadIntervalSeconds), timeProvider,
                sp.GetRequiredService<ILogger<ClientCertificateAuthorityProvider>>()));
            services.AddSingleton(sp => new ClientCertificateValidator(
                sp.GetRequiredService<ClientCertificateAuthorityProvider>(), tls.AllowedClientNames, timeProvider, sp.GetRequiredService<HyokMetrics>().Meter,
                sp.GetRequiredService<ILogger<ClientCertificateValidator>>()));
        }
    }

    /// <summary>
    /// HTTPS on <paramref name="listen"/>: each handshake takes the current certificate and the TLS policy (xks-spec.md §1,
    /// §7.5, §8), and must finish within <paramref name="handshakeTimeout"/> (<c>Hyok:Server:Connections:TlsHandshakeTimeoutMilliseconds</c>).
    /// </summary>
    private static void UseTls(ListenOptions listen, IServiceProvider services, TimeSpan handshakeTimeout)
    {
        var certificates = services.GetRequiredService<ServerCertificateProvider>();
        var clients = services.GetService<ClientCertificateValidator>();
        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            HandshakeTimeout = handshakeTimeout,
            OnConnection = context => ValueTask.FromResult(HandshakeOptions(certificates.Current, clients, context.Connection.RemoteEndPoint)),
        });
    }

    private static SslServerAuthenticationOptions HandshakeOptions(ServedCertificate certificate, ClientCertificateValidator? clients, EndPoint? remote)
    {
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = certificate.Context,
            EnabledSslProtocols = TlsPolicy.Protocols,
            CipherSuitesPolicy = TlsPolicy.CipherSuitesPolicy,
        };
        if (clients is not null)
        {
            // No TLS resumption with mutual TLS: every connection presents and gets its client certificate checked afresh.
            options.ClientCertificateRequired = true;
            options.AllowTlsResume = false;
            options.RemoteCertificateValidationCallback = (_, presented, chain, _) => clients.Validate(presented, chain, remote);
        }

        return options;
    }
}
