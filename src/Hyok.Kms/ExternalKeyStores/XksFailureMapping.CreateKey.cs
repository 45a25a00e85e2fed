using Hyok.Kms.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>§6.4 column "CreateKey": the GetKeyMetadata call of CreateKey with Origin EXTERNAL_KEY_STORE.</summary>
public static partial class XksFailureMapping
{
    public const string CustomKeyStoreInvalidState = "CustomKeyStoreInvalidStateException";

    /// <summary>The exception CreateKey answers when its GetKeyMetadata call fails.</summary>
    public static KmsError ForCreateKey(XksProxyFailure failure, string xksKeyId)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return CauseOf(failure) switch
        {
            Cause.KeyNotFound => Error("XksKeyNotFoundException",
                $"The external key store proxy could not find the external key '{xksKeyId}'. Verify the XksKeyId and that the external key exists in the external key manager."),
            Cause.InvalidState => Error("XksKeyInvalidConfigurationException",
                $"The external key '{xksKeyId}' is not enabled in the external key manager, or it or its key store is blocked by the proxy."),
            Cause.InvalidKeyUsage => Error("XksKeyInvalidConfigurationException",
                $"The external key '{xksKeyId}' does not support the operations AWS KMS requires (ENCRYPT and DECRYPT)."),
            // AccessDenied: DG (the spec table says KMSInvalidStateException); UnsupportedOperation: the spec's
            // "XksKeyInvalidResponseException" is not in the KMS API model (xks-spec.md §14.5).
            _ => Error(CustomKeyStoreInvalidState,
                "AWS KMS cannot use the external key store proxy to check the external key: " + ForCryptographicOperation(failure).Message),
        };
    }
}
