using System.Collections.Concurrent;
using Hyok.Authorization;
using Microsoft.Extensions.Logging;

namespace Hyok.Storage;

/// <summary>
/// The policies in force from the shared database (PostgreSQL storage): the document of each key store in the watcher's
/// snapshot, parsed once per version (a push reaches every instance within a second, like any store change). A document
/// that does not parse (only a hand edit of the table can store one: <see cref="PolicyRecords.Push"/> validates) is
/// logged and the previous policy of that key store stays in force; with no previous one the key store denies every
/// request: a bad policy never opens the proxy up.
/// </summary>
public sealed class StoredPolicySource(HyokStoreWatcher watcher, ILogger logger) : IPolicySource
{
    private static readonly Policy DenyAll = new(PolicyMode.Enforce, []);

    private readonly ConcurrentDictionary<string, (string Sha256, Policy Policy)> _parsed = new(StringComparer.Ordinal);

    public Policy? PolicyOf(string keyStore)
    {
        if (!watcher.Current.Policies.TryGetValue(keyStore, out var stored))
        {
            return null;
        }

        if (_parsed.TryGetValue(keyStore, out var known) && known.Sha256 == stored.Sha256)
        {
            return known.Policy;
        }

        var parse = Policy.Parse(stored.Document);
        if (parse.IsValid)
        {
            PolicyLog.Loaded(logger, keyStore, $"database version {stored.Version}", parse.Policy!.Rules.Count, parse.Policy.Mode);
            _parsed[keyStore] = (stored.Sha256, parse.Policy);
            return parse.Policy;
        }

        PolicyLog.Rejected(logger, keyStore, $"database version {stored.Version}", string.Join(" ", parse.Errors));
        var kept = known.Policy ?? DenyAll;
        _parsed[keyStore] = (stored.Sha256, kept);
        return kept;
    }
}
