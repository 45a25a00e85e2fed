using Hyok.Server.Limits;
using Hyok.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// A software proxy over a <see cref="GatedKeyBackend"/> with a deadline of 1 s (long enough that a loaded test machine
/// does not blur a shed request into a timed-out one), a fixed concurrency limit of 2 and a short queue (20 ms, 4 places). The per-call backend timeout is long (5 s), so only the request deadline
/// can answer a blocked request in time.
/// </summary>
public sealed class OverloadProxyFixture : IAsyncLifetime
{
    public const int DeadlineMilliseconds = 1000;
    public const int ConcurrencyLimit = 2;

    public OverloadProxyFixture()
    {
        Proxy = new SoftwareProxyFixture
        {
            Configure = options =>
            {
                options.Server.BackendTimeoutMilliseconds = 5000;
                options.Limits.RequestDeadlineMilliseconds = DeadlineMilliseconds;
                options.Limits.MaxConcurrentRequests = ConcurrencyLimit;
                options.Limits.MinConcurrentRequests = 1;
                options.Limits.AdaptiveConcurrency = false;
                options.Limits.MaxQueueMilliseconds = 20;
                options.Limits.MaxQueueLength = 4;
            },
            DecorateBackend = inner => Backend = new GatedKeyBackend(inner),
        };
    }

    public ProxyFixture Proxy { get; }

    public GatedKeyBackend Backend { get; private set; } = null!;

    internal AdmissionLimiter Limiter => Proxy.Services.GetRequiredService<RequestAdmission>().Limiter;

    public Task InitializeAsync() => Proxy.InitializeAsync();

    public Task DisposeAsync() => Proxy.DisposeAsync();
}
