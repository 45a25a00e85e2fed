using System.Diagnostics.Metrics;
using Hyok.Pkcs11;
using Hyok.Server.Limits;

namespace Hyok.Server.Metrics;

/// <summary>
/// The observable instruments, read at each scrape: admission (in flight, current limit, shed and over-quota counts,
/// the thread pool's dispatch delay and the requests shed for it, requests too late for admission),
/// PKCS#11 session pool saturation, server certificate expiry and credential age (<see cref="CredentialAges"/>).
/// </summary>
internal static class HyokGauges
{
    public const string InFlightName = "hyok.admission.in_flight";
    public const string LimitName = "hyok.admission.limit";
    public const string ShedName = "hyok.admission.shed";
    public const string ThrottledName = "hyok.admission.throttled";
    public const string DispatchDelayName = "hyok.admission.dispatch_delay";
    public const string DispatchShedName = "hyok.admission.dispatch_shed";
    public const string LateName = "hyok.admission.late";
    public const string SessionsInUseName = "hyok.pkcs11.sessions.in_use";
    public const string SessionsSizeName = "hyok.pkcs11.sessions.size";
    public const string CertificateExpiryName = "hyok.tls.certificate.expiry";

    public static void Register(Meter meter, RequestAdmission admission, Pkcs11Token? token, Func<DateTimeOffset> certificateNotAfter, TimeProvider timeProvider)
    {
        var limiter = admission.Limiter;
        meter.CreateObservableGauge(InFlightName, () => limiter.InFlight, "{request}", "Requests holding an admission slot now.");
        meter.CreateObservableGauge(LimitName, () => limiter.CurrentLimit, "{request}", "The current (adaptive) concurrency limit.");
        meter.CreateObservableCounter(ShedName, () => limiter.ShedCount, "{request}", "Requests refused by the concurrency limit (ThrottlingException).");
        meter.CreateObservableCounter(ThrottledName, () => admission.Quotas.Select(q => new Measurement<long>(q.Value.Refused, new KeyValuePair<string, object?>("key_store", q.Key))),
            "{request}", "Requests refused by their key store's rate quota (ThrottlingException).");
        meter.CreateObservableCounter(LateName, () => admission.LateCount, "{request}",
            "Requests whose deadline had passed before they reached admission (ThrottlingException).");
        if (admission.Dispatch is { } dispatch)
        {
            meter.CreateObservableGauge(DispatchDelayName, () => dispatch.Current.TotalSeconds, "s",
                "How long work waits in the thread pool's queue now, as admission judges it (two probes in a row).");
            meter.CreateObservableCounter(DispatchShedName, () => admission.DispatchShedCount, "{request}",
                "Requests refused because the dispatch delay was over Hyok:Limits:MaxDispatchDelayMilliseconds (ThrottlingException).");
        }

        if (token is not null)
        {
            meter.CreateObservableGauge(SessionsInUseName, () => token.SessionsInUse, "{session}", "PKCS#11 sessions leased by operations now.");
            meter.CreateObservableGauge(SessionsSizeName, () => token.SessionPoolSize, "{session}", "Size of the PKCS#11 session pool.");
        }

        meter.CreateObservableGauge(CertificateExpiryName, () => (certificateNotAfter() - timeProvider.GetUtcNow()).TotalDays, "d",
            "Days until the TLS server certificate in use expires (negative once expired); follows reloads.");
    }
}
