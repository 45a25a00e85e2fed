using System.Collections.Concurrent;
using Hyok.Keys;
using Hyok.Protocol;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Hyok.Pkcs11;

/// <summary>
/// Object handles and usage of key versions, cached by token label (one entry per version, <see cref="KeyVersionLabels"/>) per connection generation (never across a module reload) and
/// re-read after <see cref="UsageRefresh"/> so attribute changes on the token are picked up. A handle the token
/// calls invalid is dropped and the key looked up once more. Crypto runs on per-session copies of the key
/// (<see cref="Pkcs11SessionKeyCopies"/>); Hyok checks usage from the token object before every use.
/// </summary>
public sealed partial class Pkcs11KeyBackend
{
    private static readonly TimeSpan UsageRefresh = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Pkcs11KeyHandle> _handles = new(StringComparer.Ordinal);
    private readonly Pkcs11SessionKeyCopies _copies = new();

    private Pkcs11KeyHandle? CachedKey(string keyId, int generation) =>
        generation != 0 && _handles.TryGetValue(keyId, out var key) && key.Generation == generation
        && _timeProvider.GetElapsedTime(key.FoundAt) < UsageRefresh ? key : null;

    /// <summary>Test hook: the cached entry of a key, replaceable to make the backend's view differ from the token's.</summary>
    internal ConcurrentDictionary<string, Pkcs11KeyHandle> Handles => _handles;

    private XksResult<Pkcs11KeyHandle?> ResolveKey(ISession session, int generation, string keyId)
    {
        if (CachedKey(keyId, generation) is { } cached)
        {
            return cached;
        }

        var found = Pkcs11KeyObjects.FindAesKeys(session, keyId);
        if (found.Count == 0)
        {
            Pkcs11KeyObjects.EnsureSameToken(session);
        }

        if (found.Count > 1)
        {
            return XksResult<Pkcs11KeyHandle?>.Failure(new XksError(XksErrorCode.InternalException, "More than one key on the token has this label."));
        }

        var (_, usage, length) = found.Count == 1 ? Pkcs11KeyObjects.Describe(session, found[0]) : default;
        if (found.Count == 0 || !Pkcs11KeyObjects.IsAes256(length))
        {
            _handles.TryRemove(keyId, out _);
            return XksResult<Pkcs11KeyHandle?>.Success(null);
        }

        var key = new Pkcs11KeyHandle(generation, found[0], usage, _timeProvider.GetTimestamp());
        _handles[keyId] = key;
        return key;
    }

    /// <summary>Runs <paramref name="use"/> with the key's handle after the usage check; retries once on an invalid handle.</summary>
    private XksResult<T> WithKey<T>(ISession session, int generation, string keyId, KeyUsage needed, Func<IObjectHandle, XksResult<T>> use)
    {
        for (int attempt = 0; ; attempt++)
        {
            var key = ResolveKey(session, generation, keyId);
            if (!key.IsSuccess || key.Value is null)
            {
                return key.IsSuccess ? XksResult<T>.Failure(XksErrorCode.KeyNotFoundException) : key.ErrorAs<T>();
            }

            if ((key.Value.Usage & needed) != needed)
            {
                return XksResult<T>.Failure(XksErrorCode.InvalidKeyUsageException);
            }

            try
            {
                return use(_token.UsesSessionKeyCopies ? _copies.For(session, key.Value.Handle) : key.Value.Handle);
            }
            catch (Pkcs11Exception e) when (CkrErrorMapping.IsHandleInvalid(e.RV))
            {
                _handles.TryRemove(keyId, out _);
                _copies.Forget(session);
                if (attempt > 0)
                {
                    throw;
                }
            }
        }
    }
}
