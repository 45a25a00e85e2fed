using Hyok.Kms.Protocol;
using Hyok.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>
/// The one table of xks-spec.md §6.4 and §10.3: how a proxy failure surfaces to the KMS caller, per calling context.
/// Cryptographic operations report everything as KMSInvalidStateException (KMS cannot add exception types to existing
/// APIs) with a message naming the cause; management operations and CreateKey use their dedicated exceptions.
/// Where the spec gives no mapping ("—" in §6.4) the emulator's choice is marked [DERIVED].
/// </summary>
public static partial class XksFailureMapping
{
    /// <summary>The cause of a failure, as one of the rows of §6.4 (a proxy errorName, or what happened on the wire).</summary>
    private enum Cause
    {
        Validation, InvalidState, InvalidCiphertext, InvalidKeyUsage, AuthenticationFailed, AccessDenied, KeyNotFound,
        InvalidUriPath, UnsupportedOperation, DependencyTimeout, Throttling, Internal, NotReachable, Tls, TimedOut,
        InvalidResponse, IntegrityMismatch, AllUnavailable,
    }

    private static Cause CauseOf(XksProxyFailure failure) => failure.Kind switch
    {
        XksFailureKind.TimedOut => Cause.TimedOut,
        XksFailureKind.NotReachable => Cause.NotReachable,
        XksFailureKind.TlsFailure => Cause.Tls,
        XksFailureKind.IntegrityMismatch => Cause.IntegrityMismatch,
        XksFailureKind.AllKeyManagersUnavailable => Cause.AllUnavailable,
        XksFailureKind.ProxyError => failure.ErrorCode switch
        {
            XksErrorCode.ValidationException => Cause.Validation,
            XksErrorCode.InvalidStateException => Cause.InvalidState,
            XksErrorCode.InvalidCiphertextException => Cause.InvalidCiphertext,
            XksErrorCode.InvalidKeyUsageException => Cause.InvalidKeyUsage,
            XksErrorCode.AuthenticationFailedException => Cause.AuthenticationFailed,
            XksErrorCode.AccessDeniedException => Cause.AccessDenied,
            XksErrorCode.KeyNotFoundException => Cause.KeyNotFound,
            XksErrorCode.InvalidUriPathException => Cause.InvalidUriPath,
            XksErrorCode.UnsupportedOperationException => Cause.UnsupportedOperation,
            XksErrorCode.DependencyTimeoutException => Cause.DependencyTimeout,
            XksErrorCode.ThrottlingException => Cause.Throttling,
            XksErrorCode.InternalException => Cause.Internal,
            _ => Cause.InvalidResponse,
        },
        _ => Cause.InvalidResponse,
    };

    private static KmsError Error(string type, string message) => new(type, message);
}
