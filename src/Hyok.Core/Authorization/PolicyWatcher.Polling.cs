using System.Security.Cryptography;

namespace Hyok.Authorization;

/// <summary>The poll: notice a changed file, parse it, swap a valid policy in; log a bad one once and keep the old.</summary>
public sealed partial class PolicyWatcher
{
    /// <summary>Every this many polls the content hash is compared even when length and last-write time look unchanged.</summary>
    private const int HashEveryNthPoll = 4;

    private void Poll(bool forceHash = false)
    {
        lock (_pollLock)
        {
            if (_disposed)
            {
                return;
            }

            forceHash |= ++_polls % HashEveryNthPoll == 0;
            foreach (var source in _sources.Values)
            {
                PollOne(source, forceHash);
            }
        }
    }

    private void PollOne(PolicySource source, bool forceHash)
    {
        try
        {
            if (Read(source, forceHash, out var unreadable) is not { } parse)
            {
                return;
            }

            if (parse.IsValid)
            {
                PutInForce(source, parse, reload: true);
                return;
            }

            var fault = string.Join(" ", parse.Errors);
            if (fault != source.Fault)
            {
                source.Fault = fault;
                if (unreadable)
                {
                    PolicyLog.Unreadable(_logger, source.KeyStore, source.Path, fault);
                }
                else
                {
                    PolicyLog.Rejected(_logger, source.KeyStore, source.Path, fault);
                }
            }
        }
#pragma warning disable CA1031 // The poll must survive any failure; the previous policy stays in force.
        catch (Exception e)
#pragma warning restore CA1031
        {
            source.Forget();
            var fault = $"checking the file failed: {e.GetType().Name}";
            if (fault != source.Fault)
            {
                source.Fault = fault;
                PolicyLog.PollFailed(_logger, source.KeyStore, source.Path, e);
            }
        }
    }

    /// <summary>The file's policy when its content changed since the last read; null when it did not.</summary>
    private static PolicyParse? Read(PolicySource source, bool forceHash, out bool unreadable)
    {
        unreadable = false;
        var info = new FileInfo(source.Path);
        if (info.Exists && !forceHash && info.Length == source.Length && info.LastWriteTimeUtc == source.LastWriteUtc)
        {
            return null;
        }

        if (!PolicyFile.TryRead(source.Path, out var content, out var error))
        {
            unreadable = true;
            source.Forget();
            return PolicyParse.Failed(error);
        }

        // Length and time as seen before the read: a write racing the read shows up as a change next time.
        (source.Length, source.LastWriteUtc) = (info.Length, info.LastWriteTimeUtc);
        var hash = SHA256.HashData(content);
        if (source.Hash is { } seen && hash.AsSpan().SequenceEqual(seen))
        {
            return null;
        }

        source.Hash = hash;
        return PolicyFile.Parse(content);
    }

    private void PutInForce(PolicySource source, PolicyParse parse, bool reload)
    {
        source.Current = parse.Policy;
        source.Fault = null;
        var generation = reload ? Interlocked.Increment(ref _generation) : Generation;
        PolicyLog.Loaded(_logger, source.KeyStore, source.Path, parse.Policy!.Rules.Count, parse.Policy.Mode);
        foreach (var warning in parse.Warnings)
        {
            PolicyLog.Warning(_logger, source.KeyStore, source.Path, warning);
        }

        if (reload)
        {
            PolicyReloaded?.Invoke(this, new PolicyReloadedEventArgs(source.KeyStore, parse.Policy, generation));
        }
    }
}
