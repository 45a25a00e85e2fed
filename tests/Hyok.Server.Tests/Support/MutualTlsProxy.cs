using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hyok.Testing;

namespace Hyok.Server.Tests.Support;

/// <summary>
/// A running server with mutual TLS on: client certificates must chain to <see cref="Authority"/>'s root (the only
/// certificate of the CA bundle) and carry the name <see cref="AllowedName"/>.
/// </summary>
public sealed class MutualTlsProxy : IAsyncLifetime
{
    public const string AllowedName = "cks.kms.us-east-1.amazonaws.com";

    public MutualTlsProxy()
    {
        Proxy = new SoftwareProxyFixture
        {
            Configure = options =>
            {
                File.WriteAllText(BundleFile, Authority.Root.ExportCertificatePem() + "\n");
                options.Server.Tls.ClientCertificateAuthorityFile = BundleFile;
                options.Server.Tls.AllowedClientNames.Add(AllowedName);
                options.Server.Tls.ReloadIntervalSeconds = ReloadIntervalSeconds;
            },
        };
    }

    public TestClientAuthority Authority { get; } = TestClientAuthority.Create("Hyok Test Client CA");

    public TestClientAuthority OtherAuthority { get; } = TestClientAuthority.Create("Some Other CA");

    public SoftwareProxyFixture Proxy { get; }

    /// <summary>The client CA bundle (<c>Hyok:Server:Tls:ClientCertificateAuthorityFile</c>): at first <see cref="Authority"/>'s root.</summary>
    public string BundleFile => Path.Combine(Proxy.Folder, "client-ca.pem");

    /// <summary>How often the server re-reads its certificate files and the bundle (the default: 5 s).</summary>
    public int ReloadIntervalSeconds { get; init; } = 5;

    public int Port => Proxy.BaseUri.Port;

    /// <summary>An HTTP/1.1 client presenting <paramref name="certificate"/> (or none) and trusting exactly the server's certificate.</summary>
    public HttpClient HttpClientWith(X509Certificate2? certificate) => Proxy.NewHttpClient(HttpVersion.Version11, certificate);

    /// <summary>Writes <paramref name="certificate"/> and its key into the fixture's folder; returns the openssl arguments presenting them.</summary>
    public string[] OpenSslClientArguments(X509Certificate2 certificate)
    {
        var name = Path.Combine(Proxy.Folder, "client-" + certificate.Thumbprint);
        TestClientAuthority.WritePem(certificate, name + ".crt", name + ".key");
        return ["-cert", name + ".crt", "-key", name + ".key"];
    }

    public Task InitializeAsync() => Proxy.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        Authority.Dispose();
        OtherAuthority.Dispose();
    }
}
