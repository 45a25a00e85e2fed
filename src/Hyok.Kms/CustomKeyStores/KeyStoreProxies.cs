using Hyok.Kms.Configuration;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Protocol;
using Hyok.Kms.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>
/// One <see cref="XksProxyCaller"/> per external key store (one HttpClient, so one TLS handshake per proxy), rebuilt when
/// the store's <see cref="KmsCustomKeyStore.Revision"/> changes. Settings come from the stored key store (secret unsealed
/// from the database), the emulator's Region and its CA bundle and client certificate options. Thread-safe.
/// </summary>
internal sealed class KeyStoreProxies(KmsDatabase database, KmsOptions options, TimeProvider time, ILoggerFactory? loggers = null) : IDisposable
{
    private readonly Dictionary<string, (long Revision, XksProxyCaller Caller)> _callers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;

    public TimeSpan Timeout { get; } = TimeSpan.FromMilliseconds(options.XksTimeoutMilliseconds);

    /// <summary>Background calls to the proxies (connection attempts, health checks); stopped before the callers are disposed.</summary>
    public BackgroundWork Background { get; } = new();

    /// <summary>The caller of a stored key store; KMSInternalException if its secret no longer opens.</summary>
    public XksProxyCaller For(KmsCustomKeyStore store)
    {
        lock (_lock)
        {
            if (_callers.TryGetValue(store.Id, out var cached) && cached.Revision == store.Revision)
            {
                return cached.Caller;
            }

            string secret = database.OpenKeyStoreSecret(store.Id) ?? throw new KmsException(KmsErrors.Internal());
            var caller = Create(store.UriEndpoint, store.UriPath, store.AccessKeyId, secret);
            if (cached.Caller is { } stale)
            {
                _ = DisposeLaterAsync(stale);
            }

            _callers[store.Id] = (store.Revision, caller);
            return caller;
        }
    }

    /// <summary>
    /// A caller for settings not (yet) stored — CreateCustomKeyStore and UpdateCustomKeyStore check the new values before
    /// saving them. The caller owns it and disposes it.
    /// </summary>
    public XksProxyCaller Create(string endpoint, string path, string accessKeyId, string secret) => new(
        new XksProxySettings(endpoint, path, accessKeyId, secret, options.Region, options.XksCaBundleFile, options.XksTrustSystemRoots,
            options.XksClientCertificateFile, options.XksClientCertificateKeyFile),
        time, Timeout, _loggers.CreateLogger<XksProxyCaller>());

    /// <summary>Drops the cached caller of a deleted or disconnected key store (disposed once calls begun with it are over).</summary>
    public void Forget(string id)
    {
        lock (_lock)
        {
            if (_callers.Remove(id, out var cached))
            {
                _ = DisposeLaterAsync(cached.Caller);
            }
        }
    }

    /// <summary>A replaced caller may still carry requests begun before the update: it goes after their deadline has passed.</summary>
    private async Task DisposeLaterAsync(XksProxyCaller stale)
    {
        await Task.Delay(Timeout * 4 + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        stale.Dispose();
    }

    /// <summary>Stops the background work (waiting a little for it), then disposes every caller.</summary>
    public void Dispose()
    {
        Background.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        Background.Dispose();
        lock (_lock)
        {
            foreach (var (_, caller) in _callers.Values)
            {
                caller.Dispose();
            }

            _callers.Clear();
        }
    }
}
