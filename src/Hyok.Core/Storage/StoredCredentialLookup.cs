using Hyok.Authentication;

namespace Hyok.Storage;

/// <summary>
/// <see cref="ICredentialLookup"/> over the watcher's in-memory snapshot: no SQLite on the hot path, and
/// credentials added or removed with the CLI take effect within a second. Credentials are scoped per key
/// store: an access key id of one store is unknown to every other store.
/// </summary>
public sealed class StoredCredentialLookup : ICredentialLookup
{
    private readonly HyokStoreWatcher _watcher;

    /// <summary>Reads credentials from <paramref name="watcher"/>'s current snapshot.</summary>
    public StoredCredentialLookup(HyokStoreWatcher watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        _watcher = watcher;
    }

    /// <inheritdoc />
    public string? FindSecret(string keyStore, string accessKeyId)
    {
        if (keyStore is null || accessKeyId is null)
        {
            return null;
        }

        return _watcher.Current.Secrets.GetValueOrDefault((keyStore, accessKeyId));
    }
}
