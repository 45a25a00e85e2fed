using Hyok.Protocol;
using Hyok.Storage;

namespace Hyok.Keys.Software;

/// <summary>
/// The embedded default key manager: AES-256-GCM with keys from the sealed SQLite store, served from the
/// <see cref="HyokStoreWatcher"/>'s in-memory snapshot (no SQLite on the request path). Failures are
/// <see cref="XksErrorCode"/> values; no exception escapes (ARCHITECTURE.md §3.5). Besides the operation layer's
/// checks, it refuses itself to use a disabled key (InvalidState) or a key for an operation it does not allow
/// (InvalidKeyUsage), so a race with the CLI cannot slip through.
/// </summary>
public sealed partial class SoftwareKeyBackend : IKeyBackend
{
    private const int IvSize = 12;
    private const int TagSize = 16;

    private readonly HyokStoreWatcher _watcher;

    /// <summary>Serves keys from <paramref name="watcher"/> (which the caller keeps owning).</summary>
    public SoftwareKeyBackend(HyokStoreWatcher watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        _watcher = watcher;
        InstanceId = watcher.Database.InstanceId;
        Model = watcher.Database.IsShared ? "Hyok sealed software key store (PostgreSQL) 0.1" : "Hyok sealed software key store (SQLite) 0.1";
    }

    /// <inheritdoc />
    public string Vendor => "Hyok";

    /// <inheritdoc />
    public string Model { get; }

    /// <inheritdoc />
    public string InstanceId { get; }

    /// <inheritdoc />
    public ValueTask<XksResult<KeyDescriptor?>> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        try
        {
            KeyDescriptor? key = keyId is not null && _watcher.Current.Keys.TryGetValue(keyId, out var stored) ? stored.Descriptor : null;
            return ValueTask.FromResult(XksResult<KeyDescriptor?>.Success(key));
        }
#pragma warning disable CA1031 // Backend boundary: every fault becomes a value.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ValueTask.FromResult(XksResult<KeyDescriptor?>.Failure(XksErrorCode.InternalException));
        }
    }

    /// <inheritdoc />
    public ValueTask<XksResult<GcmSealed>> EncryptAsync(string keyId, int keyVersion, ReadOnlyMemory<byte> plaintext, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Encrypt(keyId, keyVersion, plaintext.Span, gcmAad.Span, cancellationToken));

    /// <inheritdoc />
    public ValueTask<XksResult<byte[]>> DecryptAsync(string keyId, int keyVersion, GcmSealed sealedData, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Decrypt(keyId, keyVersion, sealedData, gcmAad.Span, cancellationToken));
}
