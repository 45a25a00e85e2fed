namespace Hyok.Kms.Storage;

/// <summary>The outcome of a guarded write of a custom key store row (<see cref="KmsDatabase.TryUpdateKeyStore"/>, <see cref="KmsDatabase.TryDeleteKeyStore"/>).</summary>
internal enum KeyStoreWrite
{
    /// <summary>Written.</summary>
    Done,

    /// <summary>The key store is gone.</summary>
    NotFound,

    /// <summary>Another key store has the new name.</summary>
    NameInUse,

    /// <summary>The key store's state or revision changed meanwhile (or, for a delete, it is not DISCONNECTED).</summary>
    Changed,

    /// <summary>KMS keys still belong to the key store.</summary>
    HasKeys,
}
