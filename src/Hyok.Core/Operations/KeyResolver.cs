using Hyok.KeyStores;
using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>
/// Finds an external key for a request made through one logical key store (xks-spec.md §6.3 step 5).
/// A key of another store is reported exactly like a missing key, so stores cannot probe each other.
/// </summary>
public sealed class KeyResolver(IKeyBackend backend, BackendDeadline deadline)
{
    public async ValueTask<XksResult<KeyDescriptor>> ResolveAsync(LogicalKeyStore store, string keyId, CancellationToken cancellationToken)
    {
        var found = await deadline.RunAsync(ct => backend.FindKeyAsync(keyId, ct), cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.ErrorAs<KeyDescriptor>();
        }

        return found.Value is { } key && string.Equals(key.KeyStore, store.Name, StringComparison.Ordinal)
            ? key
            : XksError.Of(XksErrorCode.KeyNotFoundException);
    }

    /// <summary>Key state and usage (xks-spec.md §5.2, §6.3 step 7).</summary>
    public static XksError? CheckUsable(KeyDescriptor key, KeyUsage required)
    {
        if (key.State != KeyState.Enabled)
        {
            return XksError.Of(XksErrorCode.InvalidStateException);
        }

        return (key.Usage & required) == required ? null : XksError.Of(XksErrorCode.InvalidKeyUsageException);
    }
}
