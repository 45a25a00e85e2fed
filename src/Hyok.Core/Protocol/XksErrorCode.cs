namespace Hyok.Protocol;

/// <summary>The error catalogue of the XKS Proxy API (xks-spec.md §6.2). Status and name live in <see cref="XksErrors"/>.</summary>
public enum XksErrorCode
{
    ValidationException,
    InvalidStateException,
    InvalidCiphertextException,
    InvalidKeyUsageException,
    AuthenticationFailedException,
    AccessDeniedException,
    KeyNotFoundException,
    InvalidUriPathException,
    ThrottlingException,
    UnsupportedOperationException,
    DependencyTimeoutException,
    InternalException,
}
