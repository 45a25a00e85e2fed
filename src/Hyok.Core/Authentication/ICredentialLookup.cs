namespace Hyok.Authentication;

/// <summary>
/// Finds the secret of an access key id within one logical key store. Implementations must see
/// credential changes without a restart (xks-spec.md §7.3) and must be cheap: this is on the hot path.
/// </summary>
public interface ICredentialLookup
{
    /// <summary>The secret access key of <paramref name="accessKeyId"/> in <paramref name="keyStore"/>, or null.</summary>
    string? FindSecret(string keyStore, string accessKeyId);
}
