namespace Hyok.Authorization;

/// <summary>A new policy of <see cref="KeyStore"/> is in force (<see cref="PolicyWatcher.PolicyReloaded"/>).</summary>
public sealed class PolicyReloadedEventArgs(string keyStore, Policy policy, long generation) : EventArgs
{
    public string KeyStore { get; } = keyStore;

    public Policy Policy { get; } = policy;

    /// <summary>The watcher's <see cref="PolicyWatcher.Generation"/> after this reload.</summary>
    public long Generation { get; } = generation;
}
