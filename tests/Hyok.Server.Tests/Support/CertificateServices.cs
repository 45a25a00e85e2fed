using Hyok.Server.Tls;

namespace Hyok.Server.Tests.Support;

/// <summary>The running server's certificate provider (its <see cref="ServerCertificateProvider.Generation"/> counts reloads).</summary>
internal static class CertificateServices
{
    public static ServerCertificateProvider GetCertificates(this IServiceProvider services) =>
        (ServerCertificateProvider)services.GetService(typeof(ServerCertificateProvider))!;
}
