using Hyok.Protocol;

namespace Hyok.Keys;

/// <summary>
/// A key manager that holds AES-256 keys and performs AES-GCM with them: the sealed software store
/// (embedded default), a PKCS#11 HSM, later a PostgreSQL-backed store. Implementations translate their
/// own failures into <see cref="XksErrorCode"/> values at this boundary; no backend exception escapes
/// (ARCHITECTURE.md §3.5). A GCM authentication failure is <see cref="XksErrorCode.InvalidCiphertextException"/>.
/// </summary>
public interface IKeyBackend
{
    /// <summary>The <c>ekmVendor</c> of GetHealthStatus.</summary>
    string Vendor { get; }

    /// <summary>The <c>ekmFleetDetails[].model</c> of GetHealthStatus.</summary>
    string Model { get; }

    /// <summary>The <c>ekmFleetDetails[].id</c> of GetHealthStatus: stable for one key manager instance.</summary>
    string InstanceId { get; }

    /// <summary>Looks a customer key up by its external key id. Null when no such key exists.</summary>
    ValueTask<XksResult<KeyDescriptor?>> FindKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>
    /// AES-256-GCM encrypt with version <paramref name="keyVersion"/> of the key (normally
    /// <see cref="KeyDescriptor.CurrentVersion"/>), a fresh random 12-byte IV and a 16-byte tag. The AAD is passed to GCM as is.
    /// </summary>
    ValueTask<XksResult<GcmSealed>> EncryptAsync(string keyId, int keyVersion, ReadOnlyMemory<byte> plaintext, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken);

    /// <summary>
    /// AES-256-GCM decrypt with version <paramref name="keyVersion"/> of the key; a wrong tag, IV, AAD or ciphertext, and a
    /// version the key does not have (never made, or retired), give InvalidCiphertextException (the latter before any key use).
    /// </summary>
    ValueTask<XksResult<byte[]>> DecryptAsync(string keyId, int keyVersion, GcmSealed sealedData, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken);

    /// <summary>
    /// A deep health probe: a real encrypt and decrypt with a dedicated health key that no customer
    /// request can reach (xks-spec.md §4.4). True when the key manager can do cryptography now.
    /// </summary>
    ValueTask<bool> ProbeAsync(CancellationToken cancellationToken);
}
