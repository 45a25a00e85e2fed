using Hyok.Kms.Protocol;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>The custom key store errors of the KMS API reference.</summary>
internal static class KeyStoreErrors
{
    public static KmsError NotFound(string id) =>
        new("CustomKeyStoreNotFoundException", $"Custom key store '{id}' does not exist in this account and Region.");

    public static KmsError NameInUse(string name) =>
        new("CustomKeyStoreNameInUseException", $"The custom key store name '{name}' is already in use in this account and Region.");

    public static KmsError InvalidState(string message) => new("CustomKeyStoreInvalidStateException", message);

    public static KmsError HasKeys(string id) => new("CustomKeyStoreHasCMKsException",
        $"Custom key store '{id}' still has KMS keys. Schedule their deletion and wait until they are deleted before deleting the key store.");
}
