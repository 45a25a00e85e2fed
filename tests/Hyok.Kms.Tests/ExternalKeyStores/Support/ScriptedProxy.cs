using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hyok.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Hyok.Kms.Tests.ExternalKeyStores.Support;

/// <summary>
/// A tiny HTTPS listener on 127.0.0.1 that answers every POST with a scripted reply after an optional delay, and
/// records the request bodies: for what a real proxy does not do on demand (answer slowly, answer garbage, report every
/// key manager UNAVAILABLE, return a wrong integrity value). It does not verify signatures.
/// </summary>
public sealed class ScriptedProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private ScriptedProxy(WebApplication app, X509Certificate2 certificate, string folder)
    {
        _app = app;
        _certificate = certificate;
        Folder = folder;
    }

    public string Folder { get; }

    public string CertificateFile => Path.Combine(Folder, "scripted.crt");

    public int Port { get; private set; }

    public string Endpoint => $"https://localhost:{Port}";

    /// <summary>The request bodies and paths received, in order.</summary>
    public List<(string Path, string Body)> Requests { get; } = [];

    /// <summary>Settings for this listener: path <c>/kms/xks/v1</c>, a well-formed credential, its certificate as the CA bundle.</summary>
    public Hyok.Kms.ExternalKeyStores.XksProxySettings Settings() =>
        new(Endpoint, "/kms/xks/v1", "AKIAXKSSCRIPTEDPROXY2345", "c2NyaXB0ZWQtcHJveHktc2VjcmV0LWZvci10ZXN0cy0xMjM0NTY=", "us-east-1", CertificateFile);

    public static async Task<ScriptedProxy> StartAsync(int status, string body, TimeSpan delay = default)
    {
        var folder = Directory.CreateTempSubdirectory("hyok-kms-scripted-").FullName;
        var certificate = SelfSigned("localhost");
        File.WriteAllText(Path.Combine(folder, "scripted.crt"), certificate.ExportCertificatePem() + "\n");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            l.Protocols = HttpProtocols.Http1;
            l.UseHttps(certificate);
        }));
        var app = builder.Build();
        var proxy = new ScriptedProxy(app, certificate, folder);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            string request = await reader.ReadToEndAsync();
            lock (proxy.Requests)
            {
                proxy.Requests.Add((context.Request.Path.Value ?? "", request));
            }

            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await app.StartAsync();
        proxy.Port = HyokServer.BoundAddresses(app)[0].Port;
        return proxy;
    }

    /// <summary>A self-signed certificate with its private key, for <paramref name="dnsName"/> and 127.0.0.1.</summary>
    public static X509Certificate2 SelfSigned(string dnsName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
