using System.Security.Authentication;
using Hyok.Server.Configuration;
using Hyok.Server.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyok.Kms.Hosting;

/// <summary>
/// The Kestrel server of the emulator: HTTP on <see cref="Configuration.KmsOptions.Listen"/>, or HTTPS (TLS 1.2/1.3)
/// with the PEM certificate and key when configured (loaded with the proxy's <see cref="ServerCertificate"/>).
/// </summary>
public static class KmsServer
{
    /// <summary>
    /// The logger factory of a server and its emulator: one-line console output, ASP.NET Core from Warning up, levels from
    /// the environment's <c>Logging__LogLevel__…</c> variables (the defaults), or what <paramref name="configureLogging"/>
    /// sets up instead. Pass it to <see cref="KmsEmulator.Open"/>;
    /// <see cref="Build"/> then uses it for the server's own logs as well. The caller owns and disposes it.
    /// </summary>
    public static ILoggerFactory CreateLoggerFactory(Action<ILoggingBuilder>? configureLogging = null) => LoggerFactory.Create(logging =>
    {
        if (configureLogging is null)
        {
            logging.AddSimpleConsole(o => o.SingleLine = true);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            logging.AddConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("Logging"));
        }
        else
        {
            configureLogging(logging);
        }
    });

    /// <summary>
    /// The server over <paramref name="emulator"/>, which the caller keeps owning. It logs through the emulator's
    /// <see cref="KmsEmulator.Loggers"/> when the emulator was opened with a logger factory and
    /// <paramref name="configureLogging"/> is null; else through its own, set up by <paramref name="configureLogging"/> or
    /// with the console defaults. Starting the server starts the emulator's background work on external key stores
    /// (resumed connection attempts, KmsHealthCheck); stopping it stops that work.
    /// </summary>
    public static WebApplication Build(KmsEmulator emulator, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var options = emulator.Options;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (configureLogging is not null)
        {
            configureLogging(builder.Logging);
        }
        else if (emulator.Loggers is NullLoggerFactory)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }
        else
        {
            builder.Services.AddSingleton(emulator.Loggers);
        }

        ServerCertificate? certificate = options.CertificateFile is null ? null : ServerCertificate.Load(options.CertificateFile, options.CertificateKeyFile!);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(HyokOptionsValidator.ParseListenAddress(options.Listen)!, listen =>
            {
                listen.Protocols = certificate is null ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2;
                if (certificate is not null)
                {
                    listen.UseHttps(https =>
                    {
                        https.ServerCertificate = certificate.Leaf;
                        https.ServerCertificateChain = certificate.Chain;
                        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    });
                }
            });
        });
        builder.Services.AddSingleton(emulator);
        builder.Services.AddHostedService(_ => new KmsBackgroundService(emulator));
        builder.Services.AddSingleton(sp => new KmsRequestHandler(
            emulator.Operations,
            new KmsAuthenticator(emulator.Credentials, options.Region, emulator.Time),
            sp.GetRequiredService<ILogger<KmsRequestHandler>>()));

        var app = builder.Build();
        if (certificate is not null)
        {
            app.Lifetime.ApplicationStopped.Register(certificate.Dispose);
        }

        var handler = app.Services.GetRequiredService<KmsRequestHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }

    /// <summary>The addresses Kestrel actually bound (useful with port 0).</summary>
    public static IReadOnlyList<Uri> BoundAddresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];
    }
}
