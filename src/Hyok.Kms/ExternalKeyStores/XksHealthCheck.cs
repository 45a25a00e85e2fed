using Hyok.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// What KMS concludes from a GetHealthStatus call (xks-spec.md §4.4, §10.2): the call's own failure, or — when it
/// succeeded — failure if every external key manager is UNAVAILABLE. DEGRADED managers still serve: a store with at
/// least one ACTIVE or DEGRADED manager connects (KMS only reports DEGRADED in its XksExternalKeyManagerStates metric).
/// </summary>
public static class XksHealthCheck
{
    /// <summary>Null when the proxy is fit for CreateCustomKeyStore / UpdateCustomKeyStore / ConnectCustomKeyStore, else why not.</summary>
    public static XksProxyFailure? Evaluate(XksCallResult<HealthStatusResponse> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess)
        {
            return result.Failure;
        }

        return result.Value.EkmFleetDetails.All(d => d.HealthStatus == "UNAVAILABLE")
            ? new XksProxyFailure(XksFailureKind.AllKeyManagersUnavailable, "the proxy reports every external key manager UNAVAILABLE", 200)
            : null;
    }

    /// <summary>True when some external key manager is DEGRADED (serving, but unhealthy): worth a warning, not a failure.</summary>
    public static bool IsDegraded(HealthStatusResponse health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return health.EkmFleetDetails.Any(d => d.HealthStatus == "DEGRADED");
    }
}
