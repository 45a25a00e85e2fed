using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hyok.Cli.Tests.Doctor;

/// <summary>
/// A Kestrel HTTPS server on 127.0.0.1 that answers every request with one canned status and body, after a delay and
/// with a chosen Date header: the misbehaving "proxies" <c>hyok doctor</c> must catch (it checks no signature).
/// </summary>
internal sealed class CannedXksServer : IAsyncDisposable
{
    public const string ValidHealth =
        """{"xksProxyFleetSize":1,"xksProxyVendor":"Canned","xksProxyModel":"Canned 0","ekmVendor":"Canned","ekmFleetDetails":[{"id":"1","model":"m","healthStatus":"ACTIVE"}]}""";

    private readonly WebApplication _app;

    private CannedXksServer(WebApplication app) => _app = app;

    public int Port => new Uri(_app.Urls.First()).Port;

    public static async Task<CannedXksServer> StartAsync(
        (string CertificateFile, string KeyFile) certificate, string body = ValidHealth, TimeSpan delay = default, TimeSpan clockShift = default)
    {
        var serverCertificate = X509Certificate2.CreateFromPemFile(certificate.CertificateFile, certificate.KeyFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(serverCertificate);
        }));
        var app = builder.Build();
        app.Run(async context =>
        {
            await Task.Delay(delay);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.Headers.Date = (DateTimeOffset.UtcNow + clockShift).ToString("R");
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        });
        await app.StartAsync();
        return new CannedXksServer(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
