using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Hyok.Cli.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hyok.Cli.Tests.Conformance;

/// <summary>
/// A small Kestrel HTTPS app that forwards every request to a real Hyok (same Host, signature and body, so Hyok's SigV4
/// check still holds) and breaks one thing in the answer, as <see cref="Breakage"/> says: a proxy that must fail <c>hyok test</c>.
/// </summary>
public sealed class BrokenProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private BrokenProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public int Port => new Uri(_app.Urls.First()).Port;

    public static async Task<BrokenProxy> StartAsync(EmbeddedDataFolder data, RunningProxy hyok, Breakage breakage)
    {
        var certificate = X509Certificate2.CreateFromPemFile(data.CertificateFile, data.CertificateKeyFile);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate.RawData);
        var upstream = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{hyok.Port}") };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        app.Run(context => ForwardAsync(context, upstream, breakage));
        await app.StartAsync();
        return new BrokenProxy(app, upstream);
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient upstream, Breakage breakage)
    {
        var path = context.Request.Path.Value!;
        if (breakage == Breakage.HealthIgnoresSignature && path.EndsWith("/health", StringComparison.Ordinal))
        {
            await WriteAsync(context, 200, """{"xksProxyFleetSize":1,"xksProxyVendor":"Broken","xksProxyModel":"Broken 0","ekmVendor":"Broken","ekmFleetDetails":[{"id":"1","model":"m","healthStatus":"ACTIVE"}]}""");
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), path) { Version = HttpVersion.Version11 };
        request.Headers.Host = context.Request.Host.Value;
        foreach (var name in (string[])["Authorization", "X-Amz-Date"])
        {
            request.Headers.TryAddWithoutValidation(name, context.Request.Headers[name].ToString());
        }

        if (body.Length > 0 || context.Request.Method == "POST")
        {
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        }

        using var response = await upstream.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        await WriteAsync(context, (int)response.StatusCode, Break(breakage, path, (int)response.StatusCode, text));
    }

    private static string Break(Breakage breakage, string path, int status, string body)
    {
        if (breakage == Breakage.ErrorBodiesNotJson && status != 200 && body.Length > 0)
        {
            return $"error {status}";
        }

        if (breakage == Breakage.WrongIntegrityValue && status == 200 && path.EndsWith("/encrypt", StringComparison.Ordinal)
            && JsonNode.Parse(body) is JsonObject json && json.ContainsKey("ciphertextDataIntegrityValue"))
        {
            json["ciphertextDataIntegrityValue"] = Convert.ToBase64String(new byte[32]);
            return json.ToJsonString();
        }

        return body;
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
