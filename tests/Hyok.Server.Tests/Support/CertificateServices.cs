using Hyok.Server.Tls;

namespace Hyok.Server.Tests.Support;

/// <summary>The running server's certificate and client CA providers (their <c>Generation</c> counts reloads).</summary>
internal static class CertificateServices
{
    public static ServerCertificateProvider GetCertificates(this IServiceProvider services) =>
        (ServerCertificateProvider)services.GetService(typeof(ServerCertificateProvider))!;

    public static ClientCertificateAuthorityProvider GetClientAuthority(this IServiceProvider services) =>
        (ClientCertificateAuthorityProvider)services.GetService(typeof(ClientCertificateAuthorityProvider))!;
}
