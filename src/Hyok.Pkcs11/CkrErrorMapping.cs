using Hyok.Protocol;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11;

/// <summary>
/// The one table translating PKCS#11 return values into XKS errors (ARCHITECTURE.md §3.5, xks-spec.md §6.2)
/// and into what the backend must do about them: discard the session, forget cached object handles, or
/// re-initialise the module because the token (or the module's state) is gone.
/// </summary>
internal static class CkrErrorMapping
{
    /// <summary>The XKS error a failed PKCS#11 call is reported as.</summary>
    public static XksErrorCode ToXksErrorCode(CKR rv) => rv switch
    {
        CKR.CKR_ENCRYPTED_DATA_INVALID or CKR.CKR_ENCRYPTED_DATA_LEN_RANGE => XksErrorCode.InvalidCiphertextException,
        CKR.CKR_KEY_FUNCTION_NOT_PERMITTED => XksErrorCode.InvalidKeyUsageException,
        CKR.CKR_FUNCTION_CANCELED => XksErrorCode.DependencyTimeoutException,
        _ => XksErrorCode.InternalException,
    };

    /// <summary>The token, its slot or the module's initialisation is gone: finalize, reload, find the token, log in.</summary>
    public static bool IsConnectionLost(CKR rv) => rv switch
    {
        CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_TOKEN_NOT_RECOGNIZED
            or CKR.CKR_DEVICE_ERROR or CKR.CKR_DEVICE_MEMORY or CKR.CKR_SLOT_ID_INVALID
            or CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED
            or CKR.CKR_CRYPTOKI_NOT_INITIALIZED or CKR.CKR_USER_NOT_LOGGED_IN
            or CKR.CKR_GENERAL_ERROR => true,
        _ => false,
    };

    /// <summary>The session must not be used again (it is closed when possible and replaced).</summary>
    public static bool IsSessionBroken(CKR rv) => IsConnectionLost(rv) || rv switch
    {
        CKR.CKR_OPERATION_ACTIVE or CKR.CKR_SESSION_COUNT or CKR.CKR_HOST_MEMORY or CKR.CKR_FUNCTION_FAILED => true,
        _ => false,
    };

    /// <summary>
    /// A C_Decrypt failure that may just be a GCM tag mismatch: SoftHSM 2.6 answers CKR_GENERAL_ERROR for a wrong
    /// tag where the standard says CKR_ENCRYPTED_DATA_INVALID, and some HSMs answer CKR_FUNCTION_FAILED. When the
    /// session still answers afterwards, the backend reports InvalidCiphertextException; when it does not, the
    /// session's own error (token loss) is reported instead. Never a reason to reload the module by itself.
    /// </summary>
    public static bool MayBeTagMismatch(CKR rv) => rv is CKR.CKR_GENERAL_ERROR or CKR.CKR_FUNCTION_FAILED;

    /// <summary>A cached object handle no longer names the key: look the key up again.</summary>
    public static bool IsHandleInvalid(CKR rv) =>
        rv is CKR.CKR_OBJECT_HANDLE_INVALID or CKR.CKR_KEY_HANDLE_INVALID;

    /// <summary>The name of a return value for messages, e.g. <c>CKR_PIN_INCORRECT</c>.</summary>
    public static string NameOf(CKR rv) => Enum.IsDefined(rv) ? rv.ToString() : $"0x{(ulong)rv:X8}";
}
