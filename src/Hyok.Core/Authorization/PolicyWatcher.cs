using System.Collections.Frozen;
using Microsoft.Extensions.Logging;

namespace Hyok.Authorization;

/// <summary>
/// Keeps the policy of each logical key store current (xks-spec.md §7.6, docs/policy.md). All files are
/// loaded at construction, which fails when any is invalid; then every poll interval (250 ms) each file's
/// length and last-write time are compared (and its SHA-256 at least every fourth poll, to catch a same-size
/// rewrite within the file system's timestamp granularity). A changed, valid file replaces the policy
/// atomically; an invalid, deleted or unreadable file is logged as an error and the previous policy stays in
/// force: a bad edit never opens the proxy up.
/// </summary>
public sealed partial class PolicyWatcher : IPolicySource, IDisposable
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(250);

    private readonly FrozenDictionary<string, PolicySource> _sources;
    private readonly ILogger _logger;
    private readonly Lock _pollLock = new();
    private readonly ITimer _timer;
    private long _generation;
    private int _polls;
    private bool _disposed;

    /// <summary>Loads every policy file and starts polling on <paramref name="timeProvider"/>'s timer.</summary>
    /// <param name="policyFiles">Key store name → policy file path (absolute, or relative to the working directory).</param>
    /// <exception cref="PolicyLoadException">A policy file is missing or invalid; the message lists every problem.</exception>
    public PolicyWatcher(IReadOnlyDictionary<string, string> policyFiles, TimeProvider timeProvider, ILogger logger, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(policyFiles);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var interval = pollInterval ?? DefaultPollInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));
        _logger = logger;
        _sources = policyFiles.ToFrozenDictionary(p => p.Key, p => new PolicySource(p.Key, Path.GetFullPath(p.Value)), StringComparer.Ordinal);
        LoadAll();
        _timer = timeProvider.CreateTimer(_ => Poll(), null, interval, interval);
    }

    /// <summary>Raised after a changed policy file was loaded and put in force (on the polling thread).</summary>
    public event EventHandler<PolicyReloadedEventArgs>? PolicyReloaded;

    /// <summary>Counts the policies put in force since construction (0 after the initial load); tests wait on it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The policy in force for <paramref name="keyStore"/>; null when that store has no policy file.</summary>
    public Policy? PolicyOf(string keyStore) => _sources.TryGetValue(keyStore, out var source) ? source.Current : null;

    /// <summary>Why the file of <paramref name="keyStore"/> on disk is not in force (invalid, missing), or null.</summary>
    public string? FaultOf(string keyStore) => _sources.TryGetValue(keyStore, out var source) ? source.Fault : null;

    /// <summary>Checks every file now, as a poll would, including its content hash.</summary>
    public void Refresh() => Poll(forceHash: true);

    public void Dispose()
    {
        lock (_pollLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
    }

    private void LoadAll()
    {
        var problems = new List<string>();
        foreach (var source in _sources.Values)
        {
            var parse = Read(source, forceHash: true, out _) ?? throw new InvalidOperationException("a first read always parses");
            if (parse.IsValid)
            {
                PutInForce(source, parse, reload: false);
            }
            else
            {
                problems.AddRange(parse.Errors.Select(e => $"key store {source.KeyStore}, {source.Path}: {e}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new PolicyLoadException(problems);
        }
    }
}
