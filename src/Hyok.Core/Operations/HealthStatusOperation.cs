using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>
/// GetHealthStatus (xks-spec.md §4.4): a deep check (real encrypt + decrypt with the backend's dedicated
/// health key) whose result is reused for at most <see cref="HealthOptions.CacheDuration"/>. A backend
/// that cannot do cryptography is reported honestly as UNAVAILABLE with status 200 (§14.6); one that can,
/// but took more than half of the backend deadline for the probe, as DEGRADED (serving, but close to
/// making KMS wait).
/// </summary>
public sealed class HealthStatusOperation(IKeyBackend backend, HealthOptions options, BackendDeadline deadline, TimeProvider timeProvider) : IDisposable
{
    public static readonly string ProxyModel = $"Hyok XKS Proxy {typeof(HealthStatusOperation).Assembly.GetName().Version?.ToString(3)}";

    private readonly SemaphoreSlim _probeGate = new(1, 1);
    private volatile HealthSample? _last;

    public async ValueTask<HealthStatusResponse> ExecuteAsync(CancellationToken cancellationToken)
    {
        var status = await StatusAsync(cancellationToken).ConfigureAwait(false);
        var detail = new EkmFleetDetail(backend.InstanceId, backend.Model, status);
        return new HealthStatusResponse(options.FleetSize, "Hyok", ProxyModel, backend.Vendor, [detail]);
    }

    private async ValueTask<string> StatusAsync(CancellationToken cancellationToken)
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

            var started = timeProvider.GetTimestamp();
            var probe = await deadline.RunAsync(async ct => XksResult<bool>.Success(await backend.ProbeAsync(ct).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            var status = !(probe.IsSuccess && probe.Value) ? "UNAVAILABLE"
                : timeProvider.GetElapsedTime(started) > deadline.Timeout / 2 ? "DEGRADED"
                : "ACTIVE";
            _last = new HealthSample(status, timeProvider.GetTimestamp());
            return status;
        }
        finally
        {
            _probeGate.Release();
        }
    }

    private string? Fresh() =>
        _last is { } last && timeProvider.GetElapsedTime(last.At) < options.CacheDuration ? last.Status : null;

    public void Dispose() => _probeGate.Dispose();

    private sealed record HealthSample(string Status, long At);
}
