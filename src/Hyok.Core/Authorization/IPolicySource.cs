namespace Hyok.Authorization;

/// <summary>The policy in force for each logical key store, as it is now (reloaded without restart).</summary>
public interface IPolicySource
{
    /// <summary>The store's current policy, or null when the store has none (then only kill switches apply).</summary>
    Policy? PolicyOf(string keyStore);
}
