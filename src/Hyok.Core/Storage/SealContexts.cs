namespace Hyok.Storage;

/// <summary>
/// The AAD contexts that bind each sealed value to its row. Key ids, key store names and access key ids
/// cannot contain <c>:</c>, so the contexts are unambiguous.
/// </summary>
internal static class SealContexts
{
    /// <summary>The master key check value in <c>meta</c>.</summary>
    public const string MasterKeyCheck = "meta:check";

    /// <summary>The material of key <paramref name="id"/> in <paramref name="keyStore"/>: moving a row to another store breaks it.</summary>
    public static string Key(string keyStore, string id) => $"key:{keyStore}:{id}";

    /// <summary>
    /// The material of <paramref name="version"/> of a key: version 1 keeps <see cref="Key"/> (so pre-versioning rows
    /// unseal unchanged), later versions add <c>:N</c>, so one version's row cannot stand in for another's.
    /// </summary>
    public static string KeyVersion(string keyStore, string id, int version) =>
        version == 1 ? Key(keyStore, id) : $"key:{keyStore}:{id}:{version}";

    /// <summary>
    /// A hardware key record: an empty sealed value whose tag authenticates key store, id, state and
    /// creation time, so editing the database cannot re-enable a disabled key or move it to another store.
    /// </summary>
    public static string HardwareKey(string keyStore, string id, string state, long createdAt) =>
        $"hardware-key:{keyStore}:{id}:{state}:{createdAt}";

    /// <summary>The secret of <paramref name="accessKeyId"/> in <paramref name="keyStore"/>.</summary>
    public static string Credential(string keyStore, string accessKeyId) => $"credential:{keyStore}:{accessKeyId}";
}
