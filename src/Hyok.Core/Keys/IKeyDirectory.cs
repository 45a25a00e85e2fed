namespace Hyok.Keys;

/// <summary>
/// Hyok's own record of the keys a hardware backend serves: which logical key store each external key
/// belongs to and whether Hyok has it enabled. The state lives in Hyok, not on the token, so the kill
/// switch works even on tokens that cannot disable keys. Lookups are on the hot path and must be cheap.
/// </summary>
public interface IKeyDirectory
{
    /// <summary>The record of <paramref name="keyId"/>, or null when Hyok does not serve such a key.</summary>
    KeyRecord? Find(string keyId);
}
