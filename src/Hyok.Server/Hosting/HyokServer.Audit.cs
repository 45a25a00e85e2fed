using Hyok.Auditing;
using Hyok.Server.Configuration;
using Hyok.Server.Metrics;
using Hyok.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Hosting;

public static partial class HyokServer
{
    /// <summary>
    /// The audit trail (docs/audit.md): hash-chained files, or with PostgreSQL storage this instance's own chain in the shared
    /// database (docs/deployment.md), on the fleet's connection pool (<see cref="AddFleet"/>), apart from the store's so group
    /// commits never wait behind store reads.
    /// Either way a request is answered only after its record is durable, and fails closed when it cannot be.
    /// </summary>
    private static void AddAudit(IServiceCollection services, HyokOptions options, TimeProvider timeProvider, HyokMetrics metrics)
    {
        if (!options.Audit.Enabled)
        {
            services.AddSingleton<IAuditSink>(DisabledAuditSink.Instance);
        }
        else if (options.Storage.IsPostgreSql)
        {
            string instanceId = options.Storage.ResolveInstanceId(options.Server.Listen);
            services.AddSingleton(sp => PostgreSqlAuditWriter.OpenAsync(sp.GetRequiredService<PostgreSqlConnector>(), instanceId,
                sp.GetRequiredService<ILogger<PostgreSqlAuditWriter>>(), new AuditWriteMetrics(metrics.Meter)).GetAwaiter().GetResult());
            services.AddSingleton<IAuditSink>(sp => sp.GetRequiredService<PostgreSqlAuditWriter>());
        }
        else
        {
            services.AddSingleton(sp => new AuditTrailWriter(
                options.Audit.ToTrailOptions(), timeProvider, sp.GetRequiredService<ILogger<AuditTrailWriter>>(), new AuditWriteMetrics(metrics.Meter)));
            services.AddSingleton<IAuditSink>(sp => sp.GetRequiredService<AuditTrailWriter>());
        }
    }
}
