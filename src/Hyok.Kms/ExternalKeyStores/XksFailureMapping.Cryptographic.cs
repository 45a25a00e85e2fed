using Hyok.Kms.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>§6.4, column "Crypto ops": Encrypt, Decrypt, GenerateDataKey(WithoutPlaintext), ReEncrypt.</summary>
public static partial class XksFailureMapping
{
    public const string KmsInvalidState = "KMSInvalidStateException";

    private const string ReportToAdministrator = " If you see this error repeatedly, report it to your external key store proxy administrator.";

    /// <summary>The inner layer did not decrypt what the proxy returned (§6.4 row "proxy returned an invalid ciphertext").</summary>
    public static KmsError InvalidCiphertextFromProxy { get; } = Error(KmsInvalidState,
        "The ciphertext that the external key store proxy submitted for decryption, or the encryption context, is corrupted, missing, or otherwise invalid.");

    /// <summary>The KMSInvalidStateException a cryptographic operation answers for <paramref name="failure"/>.</summary>
    public static KmsError ForCryptographicOperation(XksProxyFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Error(KmsInvalidState, CauseOf(failure) switch
        {
            Cause.Validation or Cause.InvalidResponse =>
                "AWS KMS cannot interpret the response from the external key store proxy." + ReportToAdministrator,
            Cause.InvalidState =>
                "The external key store proxy rejected the request because the external key is not enabled in the external key manager, or the key or key store is blocked.",
            Cause.InvalidCiphertext =>
                "The external key store proxy rejected the request because the specified ciphertext or encryption context is corrupted, missing, or otherwise invalid.",
            Cause.InvalidKeyUsage =>
                "The external key store proxy rejected the request because the external key does not support the requested operation.",
            Cause.AuthenticationFailed =>
                "The external key store proxy rejected the request because it could not authenticate AWS KMS. Verify the credentials for your external key store and update them if necessary.",
            Cause.AccessDenied =>
                "The external key store proxy denied access to the operation. Verify that the caller and the external key are both authorized for this operation, and try the request again.",
            Cause.KeyNotFound =>
                "The external key store proxy rejected the request because it could not find the external key.",
            Cause.InvalidUriPath =>
                "The external key store proxy rejected the request because of an invalid URI path. Verify the URI path for your external key store and update it if necessary.",
            Cause.UnsupportedOperation =>
                "The external key store proxy rejected the request because it does not support the requested operation.",
            Cause.DependencyTimeout or Cause.TimedOut =>
                "The external key store proxy did not respond to the request within the timeout allowed. Retry the request." + ReportToAdministrator,
            Cause.Throttling =>
                "The external key store proxy reported a very high request rate. Reduce the frequency of your calls using KMS keys in this external key store.",
            Cause.Internal =>
                "The external key store proxy rejected the request because it cannot communicate with the external key manager. Verify that the external key manager is available.",
            Cause.Tls =>
                "AWS KMS cannot establish a TLS connection to the external key store proxy. Verify the TLS configuration of the proxy, including its certificate.",
            Cause.IntegrityMismatch =>
                "The ciphertext integrity value that the external key store proxy returned does not match the ciphertext. AWS KMS did not use the ciphertext." + ReportToAdministrator,
            _ =>
                "AWS KMS cannot communicate with the external key store proxy. Verify that the proxy is running and reachable at its endpoint." + ReportToAdministrator,
        });
    }
}
