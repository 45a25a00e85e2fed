using Hyok.Kms.CustomKeyStores;
using Hyok.Kms.Keys;
using Hyok.Kms.Protocol;
using Hyok.Kms.Storage;

namespace Hyok.Kms.Operations;

/// <summary>
/// What every operation needs: the database, the ARNs of the emulator's region and account, time, and the callers of
/// the external key store proxies.
/// </summary>
internal sealed class KmsContext(KmsDatabase database, KmsArns arns, TimeProvider time, KeyStoreProxies proxies)
{
    public KeyStoreProxies Proxies { get; } = proxies;

    public KmsDatabase Database { get; } = database;

    public KmsArns Arns { get; } = arns;

    public TimeProvider Time { get; } = time;

    /// <summary>
    /// Finds the key a <c>KeyId</c> names: key id, key ARN, alias name or alias ARN (when <paramref name="allowAlias"/>).
    /// A key whose deletion date has passed is deleted now and reported as not found.
    /// </summary>
    public KmsKey ResolveKey(string keyId, bool allowAlias = true)
    {
        string reference = keyId;
        if (keyId.StartsWith("arn:", StringComparison.Ordinal))
        {
            reference = keyId.StartsWith(Arns.Prefix, StringComparison.Ordinal)
                ? keyId[Arns.Prefix.Length..]
                : throw new KmsException(KmsErrors.NotFound($"Invalid arn {keyId}"));
            if (reference.StartsWith("key/", StringComparison.Ordinal))
            {
                return FindLiveKey(ParseId(reference[4..], keyId));
            }
        }

        if (!reference.StartsWith("alias/", StringComparison.Ordinal))
        {
            return FindLiveKey(ParseId(reference, keyId));
        }

        var alias = allowAlias ? Database.FindAlias(reference) : throw new KmsException(KmsErrors.NotFound($"Invalid keyId {keyId}"));
        return alias is null
            ? throw new KmsException(KmsErrors.NotFound($"Alias {Arns.Alias(reference)} is not found."))
            : FindLiveKey(alias.TargetKeyId);
    }

    /// <summary>The key with <paramref name="id"/>, or NotFoundException; deletes it first if its deletion date has passed.</summary>
    public KmsKey FindLiveKey(Guid id)
    {
        var key = Database.FindKey(id);
        if (key is { State: KmsKeyState.PendingDeletion, DeletionDate: { } due } && due <= Time.GetUtcNow())
        {
            Database.DeleteKey(id);
            key = null;
        }

        return key ?? throw new KmsException(KmsErrors.NotFound($"Key '{Arns.Key(id)}' does not exist"));
    }

    private static Guid ParseId(string id, string keyId) =>
        Guid.TryParseExact(id, "D", out Guid guid) ? guid : throw new KmsException(KmsErrors.NotFound($"Invalid keyId {keyId}"));

    /// <summary>DisabledException or KMSInvalidStateException unless the key can be used for cryptography.</summary>
    public static KmsKey RequireEnabled(KmsKey key) => key.State switch
    {
        KmsKeyState.Enabled => key,
        KmsKeyState.Disabled => throw new KmsException(KmsErrors.Disabled(key.Arn)),
        _ => throw new KmsException(KmsErrors.PendingDeletion(key.Arn)),
    };
}
