using Hyok.Operations;
using Hyok.Server.Configuration;
using Hyok.Server.Metrics;
using Hyok.Storage.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Hosting;

public static partial class HyokServer
{
    /// <summary>
    /// With PostgreSQL storage (docs/deployment.md): a connection pool for this instance's audit chain and heartbeat, and the
    /// heartbeat itself (registered when the server is built, refused when another live process has this instance id), whose
    /// live count is the health answer's <c>xksProxyFleetSize</c>. Its load is the rate of answered requests.
    /// </summary>
    private static void AddFleet(IServiceCollection services, HyokOptions options, HyokMetrics metrics, TimeProvider timeProvider)
    {
        if (!options.Storage.IsPostgreSql)
        {
            return;
        }

        string instanceId = options.Storage.ResolveInstanceId(options.Server.Listen);
        string version = typeof(HyokServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var interval = TimeSpan.FromMilliseconds(options.Storage.PostgreSql.HeartbeatIntervalMilliseconds);
        services.AddSingleton(_ => PostgreSqlConnector.Create(options.Storage.PostgreSql));
        services.AddSingleton(sp => InstanceHeartbeat.StartAsync(sp.GetRequiredService<PostgreSqlConnector>(), instanceId, version, interval,
            AnsweredRate(metrics, timeProvider), sp.GetRequiredService<ILogger<InstanceHeartbeat>>(), timeProvider).GetAwaiter().GetResult());
    }

    /// <summary>
    /// Registers the instance (and fails the start, like any other store problem, when it cannot); from then on each
    /// heartbeat also reports this instance's key manager with its last probe status.
    /// </summary>
    private static void StartFleet(WebApplication app)
    {
        if (app.Services.GetService<InstanceHeartbeat>() is { } heartbeat)
        {
            var health = app.Services.GetRequiredService<HealthStatusOperation>();
            heartbeat.KeyManager = () => health.LastReport;
        }
    }

    private static HealthOptions HealthOptionsFor(HyokOptions options, IServiceProvider services)
    {
        var heartbeat = services.GetService<InstanceHeartbeat>();
        return heartbeat is null
            ? new HealthOptions(options.Health.FleetSize, TimeSpan.FromSeconds(options.Health.CacheSeconds))
            : new HealthOptions(options.Health.FleetSize, TimeSpan.FromSeconds(options.Health.CacheSeconds), () => heartbeat.LiveInstances, () => heartbeat.LiveKeyManagers);
    }

    /// <summary>Answered requests per second since the previous call (the heartbeat thread calls it once per beat).</summary>
    private static Func<double> AnsweredRate(HyokMetrics metrics, TimeProvider timeProvider)
    {
        var (count, at) = (metrics.Answered, timeProvider.GetTimestamp());
        return () =>
        {
            var (now, nowAt) = (metrics.Answered, timeProvider.GetTimestamp());
            double seconds = timeProvider.GetElapsedTime(at, nowAt).TotalSeconds;
            double rate = seconds > 0 ? (now - count) / seconds : 0;
            (count, at) = (now, nowAt);
            return Math.Round(rate, 1);
        };
    }
}
