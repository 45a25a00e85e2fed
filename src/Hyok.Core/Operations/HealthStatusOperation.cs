using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>
/// GetHealthStatus (xks-spec.md §4.4): a deep check (real encrypt + decrypt with the backend's dedicated
/// health key) whose result is reused for at most <see cref="HealthOptions.CacheDuration"/>. A backend
/// that cannot do cryptography is reported honestly as UNAVAILABLE with status 200 (§14.6); one that can,
/// but took more than half of the backend deadline for the probe, as DEGRADED (serving, but close to
/// making KMS wait). An UNAVAILABLE result is reused for at most <see cref="UnavailableRecheck"/>, so a backend that
/// recovers (or a cold one that was slow only on its first call) is seen again within a second, not after the whole
/// cache duration.
/// </summary>
public sealed class HealthStatusOperation(IKeyBackend backend, HealthOptions options, BackendDeadline deadline, TimeProvider timeProvider) : IDisposable
{
    public static readonly string ProxyModel = $"Hyok XKS Proxy {typeof(HealthStatusOperation).Assembly.GetName().Version?.ToString(3)}";

    /// <summary>How long an UNAVAILABLE result is reused at most (the cache duration, when shorter).</summary>
    public static readonly TimeSpan UnavailableRecheck = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _probeGate = new(1, 1);
    private volatile HealthSample? _last;
    private volatile string? _warmUpStatus;

    public async ValueTask<HealthStatusResponse> ExecuteAsync(CancellationToken cancellationToken)
    {
        var status = await StatusAsync(cancellationToken).ConfigureAwait(false);
        var detail = new EkmFleetDetail(backend.InstanceId, backend.Model, status);
        int fleetSize = options.LiveFleetSize?.Invoke() is > 0 and var live ? live : options.FleetSize;
        return new HealthStatusResponse(fleetSize, "Hyok", ProxyModel, backend.Vendor, WithFleet(detail));
    }

    /// <summary>This instance's key manager with the status of its last probe (the warm-up's until a health check ran); null before any.</summary>
    public EkmFleetDetail? LastReport => (_last?.Status ?? _warmUpStatus) is { } status ? new EkmFleetDetail(backend.InstanceId, backend.Model, status) : null;

    /// <summary>This instance's key manager first, then the other key managers of the live fleet (xks-spec.md §4.4: at most 10).</summary>
    private EkmFleetDetail[] WithFleet(EkmFleetDetail own) => options.FleetKeyManagers?.Invoke() is { Count: > 0 } fleet
        ? [own, .. fleet.Where(m => m.Id != own.Id).OrderBy(m => m.Id, StringComparer.Ordinal).Take(9)]
        : [own];

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
            var reuse = status == "UNAVAILABLE" && UnavailableRecheck < options.CacheDuration ? UnavailableRecheck : options.CacheDuration;
            _last = new HealthSample(status, timeProvider.GetTimestamp(), reuse);
            return status;
        }
        finally
        {
            _probeGate.Release();
        }
    }

    /// <summary>
    /// One probe without the deadline, recorded nowhere: run when the server starts, so that the first GetHealthStatus
    /// finds the backend's sessions open and its code compiled (a cold PKCS#11 token's first probe can take longer than
    /// the backend deadline). It does not hold the probe gate: a GetHealthStatus meanwhile probes on its own.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            _warmUpStatus = await backend.ProbeAsync(cancellationToken).ConfigureAwait(false) ? "ACTIVE" : "UNAVAILABLE";
        }
#pragma warning disable CA1031 // A warm-up that fails changes nothing: the next probe reports what it finds.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private string? Fresh() =>
        _last is { } last && timeProvider.GetElapsedTime(last.At) < last.Reuse ? last.Status : null;

    public void Dispose() => _probeGate.Dispose();

    private sealed record HealthSample(string Status, long At, TimeSpan Reuse);
}
