using Hyok.Auditing;
using Hyok.Authorization;
using Hyok.Server.Configuration;
using Hyok.Server.Metrics;
using Hyok.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Hosting;

public static partial class HyokServer
{
    /// <summary>
    /// Independent control: kill switches (from the store, followed within a second), the per-store policies
    /// (reloaded without restart) and the audit trail. Created by the container so they are disposed with the app.
    /// </summary>
    private static void AddControlServices(IServiceCollection services, HyokOptions options, BackendRuntime runtime, TimeProvider timeProvider, HyokMetrics metrics)
    {
        if (options.Storage.IsPostgreSql)
        {
            // The fleet's policies live in the shared database (hyok policy push): every instance enforces the same version.
            services.AddSingleton<IPolicySource>(sp => new StoredPolicySource(runtime.Watcher, sp.GetRequiredService<ILogger<StoredPolicySource>>()));
        }
        else
        {
            var policyFiles = options.KeyStores
                .Where(s => !string.IsNullOrWhiteSpace(s.PolicyFile))
                .ToDictionary(s => s.Name, s => s.PolicyFile!, StringComparer.Ordinal);
            services.AddSingleton(sp => new PolicyWatcher(policyFiles, timeProvider, sp.GetRequiredService<ILogger<PolicyWatcher>>()));
            services.AddSingleton<IPolicySource>(sp => sp.GetRequiredService<PolicyWatcher>());
        }

        services.AddSingleton<IAccessGate>(sp => new AccessGate(runtime.Blocks, sp.GetRequiredService<IPolicySource>(), timeProvider));
        AddAudit(services, options, timeProvider, metrics);
    }
}
