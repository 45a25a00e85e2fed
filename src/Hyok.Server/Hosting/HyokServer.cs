using Hyok.Auditing;
using Hyok.Authentication;
using Hyok.Authorization;
using Hyok.KeyStores;
using Hyok.Keys;
using Hyok.Operations;
using Hyok.Protocol;
using Hyok.Server.Configuration;
using Hyok.Server.Limits;
using Hyok.Server.Metrics;
using Hyok.Server.Xks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Hosting;

/// <summary>
/// Builds the Kestrel HTTPS server for validated <see cref="HyokOptions"/>: TLS 1.2/1.3 with the spec's suites only (HyokServer.Tls.cs), HTTP/1.1
/// and HTTP/2 by ALPN (xks-spec.md §1, §8), the XKS pipeline on every path, and an optional ping route.
/// </summary>
public static partial class HyokServer
{
    /// <summary>
    /// The server for <paramref name="options"/> over <paramref name="runtime"/> (which the caller keeps owning). The
    /// policy watcher and the audit trail writer belong to the returned application and stop with it.
    /// </summary>
    public static WebApplication Build(HyokOptions options, BackendRuntime runtime, TimeProvider timeProvider, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (configureLogging is null)
        {
            AddConsoleLogging(builder.Logging, options.Logging);

            // Hyok logs one line per request itself, and its banner says where it listens: ASP.NET Core's own
            // per-request and start-up lines would repeat both (and cost throughput).
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        }
        else
        {
            configureLogging(builder.Logging);
        }

        AddTls(builder.Services, options.Server, timeProvider);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            ConfigureKestrel(kestrel, options.Server);
            ListenForMetrics(kestrel, options.Metrics);
        });
        var metrics = AddMetrics(builder, options, runtime, timeProvider);
        AddFleet(builder.Services, options, metrics, timeProvider);
        AddControlServices(builder.Services, options, runtime, timeProvider, metrics);
        AddXksServices(builder.Services, options, runtime, timeProvider, metrics);

        var app = builder.Build();
        StartFleet(app);
        var health = app.Services.GetRequiredService<HealthStatusOperation>();
        app.Lifetime.ApplicationStarted.Register(() => _ = health.WarmUpAsync(app.Lifetime.ApplicationStopping));
        MapMetrics(app, options.Metrics);
        var handler = app.Services.GetRequiredService<XksRequestHandler>();
        var ping = new PingResponder(options.Server.PingPath);
        app.Run(context => ping.Matches(context.Request) ? PingResponder.WriteAsync(context) : handler.HandleAsync(context));
        return app;
    }

    /// <summary>The XKS (HTTPS) addresses Kestrel actually bound (useful with port 0); the metrics listener is <see cref="MetricsAddress"/>.</summary>
    public static IReadOnlyList<Uri> BoundAddresses(WebApplication app) => [.. AllBoundAddresses(app).Where(a => a.Scheme == Uri.UriSchemeHttps)];

    private static void ConfigureKestrel(KestrelServerOptions kestrel, ServerOptions server)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
        ApplyConnectionLimits(kestrel, server.Connections);
        foreach (var address in server.Listen)
        {
            kestrel.Listen(HyokOptionsValidator.ParseListenAddress(address)!, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                UseTls(listen, kestrel.ApplicationServices, TimeSpan.FromMilliseconds(server.Connections.TlsHandshakeTimeoutMilliseconds));
            });
        }
    }

    private static void AddXksServices(IServiceCollection services, HyokOptions options, BackendRuntime runtime, TimeProvider timeProvider, HyokMetrics metrics)
    {
        var measured = new MeasuredKeyBackend(runtime.Backend, new BackendMetrics(metrics, runtime.Token is null ? "software" : "pkcs11"), timeProvider);
        var backend = new AdmissionTrackingKeyBackend(measured);
        var stores = options.KeyStores.Select(s => new LogicalKeyStore(s.Name, s.PathPrefix, s.Region)).ToArray();
        var deadline = new BackendDeadline(TimeSpan.FromMilliseconds(options.Server.BackendTimeoutMilliseconds), timeProvider);
        var keys = new KeyResolver(backend, deadline);
        services.AddSingleton(sp => new HealthStatusOperation(backend, HealthOptionsFor(options, sp), deadline, timeProvider));
        services.AddSingleton(_ => CreateAdmission(options, timeProvider)); // from a factory: disposed (its probe thread stopped) with the server
        services.AddSingleton(sp => new XksEndpoints(
            sp.GetRequiredService<HealthStatusOperation>(),
            new KeyAccess(keys, sp.GetRequiredService<IAccessGate>()),
            new EncryptOperation(backend, deadline),
            new DecryptOperation(backend, deadline),
            new XksLimits(options.Limits.MaxPlaintextBytes, options.Limits.MaxAadBytes),
            sp.GetRequiredService<RequestAdmission>()));
        services.AddSingleton(sp => new XksRequestHandler(
            new XksRouter(stores),
            new SigV4Verifier(runtime.Credentials, timeProvider),
            sp.GetRequiredService<XksEndpoints>(),
            options.Server.MaxRequestBodyBytes,
            CreateIntake(options.Server.Connections, timeProvider),
            TimeSpan.FromMilliseconds(options.Limits.RequestDeadlineMilliseconds),
            sp.GetRequiredService<IAuditSink>(),
            timeProvider,
            sp.GetRequiredService<ILogger<XksRequestHandler>>(),
            metrics));
    }
}
