using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Pkcs11;

/// <summary>
/// The PKCS#11 key manager: AES-256-GCM on the token (CKM_AES_GCM) with keys labelled with the external key
/// id. Membership, key store and enabled/disabled state come from Hyok's own <see cref="IKeyDirectory"/>;
/// usage from the key's CKA_ENCRYPT / CKA_DECRYPT. Failures are <see cref="XksErrorCode"/> values mapped by
/// <see cref="CkrErrorMapping"/>; no exception escapes (ARCHITECTURE.md §3.5). Like the software backend,
/// it refuses itself to use a disabled key or a key for an operation its attributes do not allow.
/// </summary>
public sealed partial class Pkcs11KeyBackend : IKeyBackend
{
    private readonly Pkcs11Token _token;
    private readonly IKeyDirectory _directory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Serves the keys of <paramref name="directory"/> from <paramref name="token"/> (which the caller keeps owning).</summary>
    public Pkcs11KeyBackend(Pkcs11Token token, IKeyDirectory directory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _token = token;
        _directory = directory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string Vendor => _token.Info.Manufacturer;

    /// <inheritdoc />
    public string Model => _token.Info.Description;

    /// <inheritdoc />
    public string InstanceId => _token.Info.SerialNumber;

    /// <inheritdoc />
    public async ValueTask<XksResult<KeyDescriptor?>> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var record = FindRecord(keyId);
        if (!record.IsSuccess || record.Value is not { } found)
        {
            return record.IsSuccess ? XksResult<KeyDescriptor?>.Success(null) : record.ErrorAs<KeyDescriptor?>();
        }

        // The current version's object answers for the key: its usage is the key's (decision 0010).
        var label = KeyVersionLabels.For(keyId, found.CurrentVersion);
        if (CachedKey(label, _token.Generation) is { } cached)
        {
            return Describe(found, cached);
        }

        return await _token.RunAsync((session, generation) =>
        {
            var key = ResolveKey(session, generation, label);
            return key.IsSuccess ? XksResult<KeyDescriptor?>.Success(key.Value is { } k ? Describe(found, k) : null) : key.ErrorAs<KeyDescriptor?>();
        }, cancellationToken).ConfigureAwait(false);
    }

    private static KeyDescriptor Describe(KeyRecord record, Pkcs11KeyHandle key) =>
        new(record.Id, record.KeyStore, key.Usage, record.State, record.CreatedAt, record.CurrentVersion);

    /// <summary>Hyok's record of a request-reachable key: null for unknown ids and for the health key.</summary>
    private XksResult<KeyRecord?> FindRecord(string keyId)
    {
        try
        {
            return keyId is null || string.Equals(keyId, Pkcs11Token.HealthKeyLabel, StringComparison.Ordinal)
                ? XksResult<KeyRecord?>.Success(null)
                : XksResult<KeyRecord?>.Success(_directory.Find(keyId));
        }
#pragma warning disable CA1031 // Backend boundary: every fault becomes a value.
        catch (Exception)
#pragma warning restore CA1031
        {
            return XksResult<KeyRecord?>.Failure(XksErrorCode.InternalException);
        }
    }
}
