using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hyok.Baseline;

/// <summary>
/// <c>Hyok.Baseline CERT.pem KEY.pem [PORT]</c>: a bare Kestrel HTTPS endpoint with the TLS and HTTP settings of Hyok's
/// server (src/Hyok.Server/Hosting/HyokServer.cs: TLS 1.2/1.3, HTTP/1.1 and HTTP/2 by ALPN, no Server header, slim
/// builder, no logging) that reads each request body and answers every request with a constant 200 JSON body: the
/// framework's ceiling for scripts/bench-ceiling. <c>--print-bodies</c> prints the two bodies (for the nginx config).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["--print-bodies", var model])
        {
            Console.WriteLine(System.Text.Encoding.UTF8.GetString(ConstantAnswers.Encrypt));
            Console.WriteLine(System.Text.Encoding.UTF8.GetString(ConstantAnswers.Health(model)));
            return 0;
        }

        if (args.Length is < 2 or > 3)
        {
            Console.Error.WriteLine("usage: Hyok.Baseline CERT.pem KEY.pem [PORT] | --print-bodies MODEL");
            return 2;
        }

        using var certificate = X509Certificate2.CreateFromPemFile(args[0], args[1]);
        int port = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var app = Build(certificate, port);
        app.Start();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"Hyok baseline is listening on {address}");
        app.WaitForShutdown();
        return 0;
    }

    private static WebApplication Build(X509Certificate2 certificate, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                });
            });
        });
        var app = builder.Build();
        byte[] health = ConstantAnswers.Health("Kestrel constant body");
        app.Run(context => AnswerAsync(context, context.Request.Path.Value?.EndsWith("/health", StringComparison.Ordinal) == true ? health : ConstantAnswers.Encrypt));
        return app;
    }

    private static async Task AnswerAsync(HttpContext context, byte[] body)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
