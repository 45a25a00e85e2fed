using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>
/// GetHealthStatus (xks-spec.md §4.4): a deep check (real encrypt + decrypt with the backend's dedicated
/// health key) whose result is reused for at most <see cref="HealthOptions.CacheDuration"/>. A backend
/// that cannot do cryptography is reported honestly as UNAVAILABLE with status 200 (§14.6).
/// </summary>
public sealed class HealthStatusOperation(IKeyBackend backend, HealthOptions options, BackendDeadline deadline, TimeProvider timeProvider) : IDisposable
{
    public static readonly string ProxyModel = $"Hyok XKS Proxy {typeof(HealthStatusOperation).Assembly.GetName().Version?.ToString(3)}";

    private readonly SemaphoreSlim _probeGate = new(1, 1);
    private volatile HealthSample? _last;

    public async ValueTask<HealthStatusResponse> ExecuteAsync(CancellationToken cancellationToken)
    {
        var healthy = await IsHealthyAsync(cancellationToken).ConfigureAwait(false);
        var detail = new EkmFleetDetail(backend.InstanceId, backend.Model, healthy ? "ACTIVE" : "UNAVAILABLE");
        return new HealthStatusResponse(options.FleetSize, "Hyok", ProxyModel, backend.Vendor, [detail]);
    }

    private async ValueTask<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _probeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } justProbed)
            {
                return justProbed;
            }

            var probe = await deadline.RunAsync(async ct => XksResult<bool>.Success(await backend.ProbeAsync(ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            var healthy = probe.IsSuccess && probe.Value;
            _last = new HealthSample(healthy, timeProvider.GetTimestamp());
            return healthy;
        }
        finally
        {
            _probeGate.Release();
        }
    }

    private bool? Fresh() =>
        _last is { } last && timeProvider.GetElapsedTime(last.At) < options.CacheDuration ? last.Healthy : null;

    public void Dispose() => _probeGate.Dispose();

    private sealed record HealthSample(bool Healthy, long At);
}
