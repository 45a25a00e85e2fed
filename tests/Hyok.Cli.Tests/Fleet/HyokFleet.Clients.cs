using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hyok.Client;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>Signing clients of the <c>default</c> key store: through the balancer or straight to one instance.</summary>
internal sealed partial class HyokFleet
{
    /// <summary>Longer than any request deadline of the instances (HyokCli gives them 10 s).</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A client of the <c>default</c> key store through the load balancer (connections reused: each sticks to one instance).</summary>
    public XksClient Client() => ClientOn(_http, Balancer.Port);

    /// <summary>A client of the <c>default</c> key store that calls instance <paramref name="index"/> directly.</summary>
    public XksClient Client(int index) => ClientOn(_http, Instances[index].Port);

    /// <summary>A client through the load balancer on <paramref name="http"/> (e.g. a new one from <see cref="NewHttpClient"/>: a new connection).</summary>
    public XksClient Client(HttpClient http) => ClientOn(http, Balancer.Port);

    /// <summary>A new HTTP client trusting exactly the data folder's certificate; the caller disposes it.</summary>
    public HttpClient NewHttpClient() => PinnedClient(Data.CertificateFile);

    private XksClient ClientOn(HttpClient http, int port)
    {
        var (accessKeyId, secret) = Data.DefaultCredential;
        return new XksClient(http, new Uri($"https://127.0.0.1:{port}"), "/keystores/default/kms/xks/v1", "us-east-1", accessKeyId, secret, TimeProvider.System);
    }

    /// <summary>
    /// Trusts exactly the data folder's certificate (every instance serves the same one); HTTP/1.1, connections reused; a
    /// request without an answer after <see cref="AnswerTimeout"/> ends with TaskCanceledException (a hang, never a wait forever).
    /// </summary>
    private static HttpClient PinnedClient(string certificateFile)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        var expected = certificate.RawData;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(expected);
        return new HttpClient(handler) { DefaultRequestVersion = HttpVersion.Version11, Timeout = AnswerTimeout };
    }
}
