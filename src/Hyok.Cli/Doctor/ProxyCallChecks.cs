using System.Globalization;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Protocol;

namespace Hyok.Cli.Doctor;

/// <summary>
/// What KMS's ConnectCustomKeyStore does once connected (xks-spec.md §10.2): a signed GetHealthStatus whose answer must
/// be valid (§4.4) with some key manager not UNAVAILABLE; then the proxy's clock (SigV4, §7.1) and latency (§9), and
/// with <c>--key-id</c> what CreateKey checks of the key (§4.1). A failed call names the ConnectionErrorCode KMS reports.
/// </summary>
internal static partial class ProxyCallChecks
{
    public static async Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorTarget target, TimeProvider time, CancellationToken cancellationToken)
    {
        using var calls = ProxyCalls.Open(target, time);
        var first = await calls.Caller.GetHealthStatusAsync("ConnectCustomKeyStore", cancellationToken: cancellationToken).ConfigureAwait(false);
        var findings = new List<DoctorFinding> { Health(first) };
        if (!calls.Dates.Answered)
        {
            const string reason = "no HTTP answer to GetHealthStatus";
            findings.AddRange([DoctorFinding.Skip("clock-skew", reason), DoctorFinding.Skip("latency", reason), DoctorFinding.Skip("key-metadata", reason)]);
            return findings;
        }

        findings.Add(ClockSkew(calls.Dates.LastDate));
        findings.Add(await LatencyAsync(calls.Caller, target, time, cancellationToken).ConfigureAwait(false));
        findings.Add(target.KeyId is null ? DoctorFinding.Skip("key-metadata", "no --key-id")
            : await KeyMetadataAsync(calls.Caller, target.KeyId, cancellationToken).ConfigureAwait(false));
        return findings;
    }

    private static DoctorFinding Health(XksCallResult<HealthStatusResponse> result)
    {
        if (XksHealthCheck.Evaluate(result) is { } failure)
        {
            var code = XksFailureMapping.ConnectionErrorCodeOf(failure);
            return DoctorFinding.Fail("health", failure.Detail, KmsConnectionErrors.FixFor(code), code);
        }

        var health = result.Value!;
        var fleet = string.Join(", ", health.EkmFleetDetails.Select(d => $"{d.Id} {d.HealthStatus}"));
        var detail = $"{health.XksProxyVendor} / {health.XksProxyModel}, fleet of {health.XksProxyFleetSize}; {health.EkmVendor}: {fleet}";
        return XksHealthCheck.IsDegraded(health)
            ? DoctorFinding.Warn("health", detail, "A key manager is DEGRADED: KMS connects, but check it before it becomes UNAVAILABLE.")
            : DoctorFinding.Pass("health", detail);
    }

    /// <summary>SigV4 signatures are valid within 5 minutes of the verifier's clock (xks-spec.md §7.1); the Date header has 1 s resolution.</summary>
    private static DoctorFinding ClockSkew((DateTimeOffset Server, DateTimeOffset Local)? date)
    {
        if (date is not { } seen)
        {
            return DoctorFinding.Warn("clock-skew", "the answer has no Date header", "Send a Date header (RFC 9110 §6.6.1) so clocks can be compared; keep the proxy on NTP.");
        }

        var skew = seen.Server - seen.Local;
        var detail = string.Create(CultureInfo.InvariantCulture, $"the proxy's clock is {Math.Abs(skew.TotalSeconds):0} s {(skew < TimeSpan.Zero ? "behind" : "ahead of")} this machine's");
        const string fix = "Synchronize the proxy's clock (and this machine's) with NTP: SigV4 allows 5 minutes of skew.";
        return Math.Abs(skew.TotalMinutes) > 5 ? DoctorFinding.Fail("clock-skew", detail, fix, "INVALID_CREDENTIALS (the proxy rejects KMS's signatures)")
            : Math.Abs(skew.TotalSeconds) > 60 ? DoctorFinding.Warn("clock-skew", detail, fix)
            : DoctorFinding.Pass("clock-skew", detail);
    }

    private static async Task<DoctorFinding> KeyMetadataAsync(XksProxyCaller caller, string keyId, CancellationToken cancellationToken)
    {
        var error = await XksKeyCheck.CheckAsync(caller, keyId, "arn:aws:iam::111122223333:root", cancellationToken: cancellationToken).ConfigureAwait(false);
        return error is null
            ? DoctorFinding.Pass("key-metadata", $"{keyId}: AES_256, ENCRYPT and DECRYPT, ENABLED")
            : DoctorFinding.Fail("key-metadata", error.Message,
                "CreateKey needs an external key that exists, is AES_256, allows ENCRYPT and DECRYPT and is ENABLED (xks-spec.md §4.1): check it with `hyok keys list`.",
                $"{error.Type} (CreateKey)");
    }
}
