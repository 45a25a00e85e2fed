using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Server.Limits;

/// <summary>
/// Makes every backend call of an admitted request hold the request's slot (<see cref="AdmissionScope"/>) until the call
/// has really finished. A call abandoned at the deadline (a blocked HSM) therefore keeps counting against the admission
/// limit, and further requests are shed quickly with ThrottlingException instead of piling onto the stuck backend.
/// </summary>
internal sealed class AdmissionTrackingKeyBackend(IKeyBackend inner) : IKeyBackend
{
    public string Vendor => inner.Vendor;

    public string Model => inner.Model;

    public string InstanceId => inner.InstanceId;

    public ValueTask<XksResult<KeyDescriptor?>> FindKeyAsync(string keyId, CancellationToken cancellationToken) =>
        Track(AdmissionScope.Current, () => inner.FindKeyAsync(keyId, cancellationToken));

    public ValueTask<XksResult<GcmSealed>> EncryptAsync(string keyId, int keyVersion, ReadOnlyMemory<byte> plaintext, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken) =>
        Track(AdmissionScope.Current, () => inner.EncryptAsync(keyId, keyVersion, plaintext, gcmAad, cancellationToken));

    public ValueTask<XksResult<byte[]>> DecryptAsync(string keyId, int keyVersion, GcmSealed sealedData, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken) =>
        Track(AdmissionScope.Current, () => inner.DecryptAsync(keyId, keyVersion, sealedData, gcmAad, cancellationToken));

    public ValueTask<bool> ProbeAsync(CancellationToken cancellationToken) => inner.ProbeAsync(cancellationToken);

    private static ValueTask<T> Track<T>(AdmissionLease? lease, Func<ValueTask<T>> call)
    {
        if (lease is null)
        {
            return call();
        }

        lease.Hold();
        ValueTask<T> pending;
        try
        {
            pending = call();
        }
        catch
        {
            lease.Unhold();
            throw;
        }

        if (pending.IsCompleted)
        {
            lease.Unhold();
            return pending;
        }

        return UntilFinishedAsync(pending, lease);
    }

    private static async ValueTask<T> UntilFinishedAsync<T>(ValueTask<T> pending, AdmissionLease lease)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        finally
        {
            lease.Unhold();
        }
    }
}
