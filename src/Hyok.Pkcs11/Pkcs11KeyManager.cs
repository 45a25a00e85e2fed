using Hyok.Keys;
using Hyok.Keys.Software;
using Hyok.Protocol;

namespace Hyok.Pkcs11;

/// <summary>
/// Key management on the token for <c>hyok keys ... --backend pkcs11</c>: create AES-256 keys labelled with
/// the external key id (non-extractable, sensitive, private token objects generated on the token) and list
/// them. The health key is never listed. Refusals are <see cref="KeyManagementException"/>s with a message
/// for the person at the CLI.
/// </summary>
public sealed partial class Pkcs11KeyManager(Pkcs11Token token)
{
    /// <summary>Generates the key <paramref name="keyId"/> with <paramref name="usage"/> (any combination, including none).</summary>
    /// <exception cref="KeyManagementException">Invalid id, a key with that label exists, or the token failed.</exception>
    public async Task<Pkcs11KeyInfo> CreateKeyAsync(string keyId, KeyUsage usage, CancellationToken cancellationToken)
    {
        if (!SoftwareKeyStore.IsValidKeyId(keyId))
        {
            throw new KeyManagementException($"'{keyId}' is not a valid key id: use 1-128 characters of A-Z a-z 0-9 - . _");
        }

        if ((usage & ~KeyUsage.EncryptDecrypt) != 0)
        {
            throw new KeyManagementException($"'{usage}' is not a valid key usage");
        }

        var created = await token.RunAsync((session, _) =>
        {
            if (Pkcs11KeyObjects.FindAesKeys(session, keyId).Count > 0)
            {
                return XksResult<bool>.Success(false);
            }

            Pkcs11KeyObjects.Generate(session, keyId, usage);
            return XksResult<bool>.Success(true);
        }, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            throw Failed($"cannot create key '{keyId}'", created.Error);
        }

        return created.Value
            ? new Pkcs11KeyInfo(keyId, usage)
            : throw new KeyManagementException($"a key labelled '{keyId}' already exists on token '{token.Info.Label}'");
    }

    /// <summary>
    /// Every AES-256 key on the token except the health key, ordered by key id: the objects of a key's versions
    /// (<see cref="KeyVersionLabels"/>) count as one key, with the usage of its newest version on the token.
    /// </summary>
    /// <exception cref="KeyManagementException">The token failed.</exception>
    public async Task<IReadOnlyList<Pkcs11KeyInfo>> ListKeysAsync(CancellationToken cancellationToken)
    {
        var listed = await token.RunAsync((session, _) =>
        {
            var keys = new Dictionary<string, (int Version, KeyUsage Usage)>(StringComparer.Ordinal);
            foreach (var handle in Pkcs11KeyObjects.FindAesKeys(session, null))
            {
                var (label, usage, length) = Pkcs11KeyObjects.Describe(session, handle);
                var (id, version) = KeyVersionLabels.Parse(label);
                if (Pkcs11KeyObjects.IsAes256(length) && !string.Equals(label, Pkcs11Token.HealthKeyLabel, StringComparison.Ordinal)
                    && (!keys.TryGetValue(id, out var seen) || seen.Version < version))
                {
                    keys[id] = (version, usage);
                }
            }

            return XksResult<IReadOnlyList<Pkcs11KeyInfo>>.Success([.. keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => new Pkcs11KeyInfo(k.Key, k.Value.Usage))]);
        }, cancellationToken).ConfigureAwait(false);
        return listed.IsSuccess ? listed.Value : throw Failed("cannot list keys", listed.Error);
    }

    private KeyManagementException Failed(string what, XksError error) =>
        new($"{what} on token '{token.Info.Label}': {error.Message}{(token.LastError is { } last ? $" ({last})" : "")}");
}
