using System.Diagnostics.Metrics;
using Hyok.Keys.Software;
using Hyok.Storage;

namespace Hyok.Server.Metrics;

/// <summary>
/// <c>hyok.credentials.newest.age</c>: per configured key store, the age in days of its newest XKS credential (the one
/// KMS should be using after a rotation). Credentials live in the state store whatever the key backend, so this covers
/// the PKCS#11 backend too. Read from the database at each scrape; nothing is reported while it cannot be read.
/// </summary>
internal static class CredentialAges
{
    public const string Name = "hyok.credentials.newest.age";

    public static void Register(Meter meter, HyokDatabase database, IReadOnlyCollection<string> keyStores, TimeProvider timeProvider) =>
        meter.CreateObservableGauge(Name, () => Measure(database, keyStores, timeProvider), "d",
            "Age of each key store's newest XKS credential, in days (rotate when it grows old).");

    private static List<Measurement<double>> Measure(HyokDatabase database, IReadOnlyCollection<string> keyStores, TimeProvider timeProvider)
    {
        IReadOnlyList<CredentialInfo> credentials;
        try
        {
            credentials = new SoftwareKeyStore(database).ListCredentials();
        }
        catch (HyokStoreException)
        {
            return [];
        }

        var now = timeProvider.GetUtcNow();
        return credentials
            .Where(c => keyStores.Contains(c.KeyStore))
            .GroupBy(c => c.KeyStore, StringComparer.Ordinal)
            .Select(g => new Measurement<double>((now - g.Max(c => c.CreatedAt)).TotalDays, new KeyValuePair<string, object?>("key_store", g.Key)))
            .ToList();
    }
}
