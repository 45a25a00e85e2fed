using Hyok.Server.Configuration;
using Hyok.Server.Limits;
using Hyok.Server.Metrics;
using Hyok.Server.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Hyok.Server.Hosting;

/// <summary>
/// Metrics (docs/operations.md "Metrics"): the meter <c>Hyok</c> always records; with <c>Hyok:Metrics:Listen</c> set,
/// OpenTelemetry exports it in Prometheus text on a separate plain-HTTP listener, <c>GET /metrics</c> only.
/// </summary>
public static partial class HyokServer
{
    /// <summary>Kestrel's own connection metrics (active, queued and rejected connections, TLS handshakes), exported beside Hyok's.</summary>
    private const string KestrelMeterName = "Microsoft.AspNetCore.Server.Kestrel";

    private const string MetricsPath = "/metrics";

    /// <summary>The metrics listener's address (e.g. <c>http://127.0.0.1:9464/</c>), or null when metrics are off.</summary>
    public static Uri? MetricsAddress(WebApplication app) => AllBoundAddresses(app).FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp);

    private static IEnumerable<Uri> AllBoundAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a));

    /// <summary>The server's instruments; the container owns them (they are resolved once in <see cref="Build"/>, so disposed with the app).</summary>
    private static HyokMetrics AddMetrics(WebApplicationBuilder builder, HyokOptions options, BackendRuntime runtime, TimeProvider timeProvider)
    {
        var metrics = new HyokMetrics();
        builder.Services.AddSingleton(_ => metrics);
        builder.Services.AddSingleton(sp =>
        {
            var certificates = sp.GetRequiredService<ServerCertificateProvider>();
            HyokGauges.Register(metrics.Meter, sp.GetRequiredService<RequestAdmission>(), runtime.Token, () => certificates.NotAfter, timeProvider);
            CredentialAges.Register(metrics.Meter, runtime.Database, [.. options.KeyStores.Select(s => s.Name)], timeProvider);
            return new MetricsGaugesRegistered();
        });
        if (options.Metrics.Enabled)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("hyok", serviceVersion: typeof(HyokServer).Assembly.GetName().Version?.ToString(3)))
                .WithMetrics(meters => meters.AddMeter(HyokMetrics.MeterName, KestrelMeterName).AddPrometheusExporter(prometheus =>
                {
                    prometheus.ScrapeEndpointPath = MetricsPath;
                    prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                }));
        }

        return metrics;
    }

    private static void ListenForMetrics(KestrelServerOptions kestrel, MetricsOptions metrics)
    {
        if (metrics.Enabled)
        {
            kestrel.Listen(HyokOptionsValidator.ParseListenAddress(metrics.Listen!)!, listen => listen.Protocols = HttpProtocols.Http1);
        }
    }

    /// <summary>Every XKS listener is HTTPS, so a plain-HTTP request came to the metrics listener: it serves <c>GET /metrics</c> and nothing else.</summary>
    private static void MapMetrics(WebApplication app, MetricsOptions metrics)
    {
        app.Services.GetRequiredService<HyokMetrics>();
        app.Services.GetRequiredService<MetricsGaugesRegistered>();
        if (!metrics.Enabled)
        {
            return;
        }

        app.UseWhen(context => !context.Request.IsHttps, branch =>
        {
            branch.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Request.Path == MetricsPath && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)));
            branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>Marks that the observable instruments were registered (once, when the container first resolves it).</summary>
    private sealed class MetricsGaugesRegistered;
}
