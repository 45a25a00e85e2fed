using Hyok.Kms.Protocol;

namespace Hyok.Kms.ExternalKeyStores;

/// <summary>§6.4 column "Create/UpdateCustomKeyStore", and the ConnectCustomKeyStore <c>ConnectionErrorCode</c> of §10.3.</summary>
public static partial class XksFailureMapping
{
    /// <summary>The exception CreateCustomKeyStore / UpdateCustomKeyStore answer when their GetHealthStatus fails (<see cref="XksHealthCheck.Evaluate"/>).</summary>
    public static KmsError ForKeyStoreManagement(XksProxyFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return CauseOf(failure) switch
        {
            Cause.AuthenticationFailed => Error("XksProxyIncorrectAuthenticationCredentialException",
                "The external key store proxy rejected the request because it could not authenticate AWS KMS with the specified credential. Verify the access key ID and secret access key."),
            Cause.InvalidUriPath => Error("XksProxyInvalidConfigurationException",
                "The external key store proxy rejected the request because of an invalid URI path. Verify the XksProxyUriPath of your external key store."),
            // DG (xks-spec.md §14.5); the spec table says XksProxyUriUnreachableException.
            Cause.Tls => Error("XksProxyInvalidConfigurationException",
                "AWS KMS cannot establish a TLS connection to the external key store proxy: the certificate is not trusted, has expired, or does not match the endpoint's host name."),
            Cause.DependencyTimeout or Cause.Throttling or Cause.NotReachable or Cause.TimedOut => Error("XksProxyUriUnreachableException",
                "AWS KMS cannot communicate with the external key store proxy, or it did not respond in time. Verify the XksProxyUriEndpoint and XksProxyUriPath and that the proxy is running."),
            Cause.AllUnavailable => Error("XksProxyUriUnreachableException",
                "The external key store proxy reports that all of its external key managers are unavailable."),
            // [DERIVED] a proxy that refuses health for a disabled or blocked key store serves nothing, like one whose key managers are all down.
            Cause.InvalidState => Error("XksProxyUriUnreachableException",
                "The external key store proxy reports that the key store is disabled, deactivated or blocked."),
            // Validation, Internal, malformed answers; [DERIVED] also every error the spec does not allow for GetHealthStatus.
            _ => Error("XksProxyInvalidResponseException",
                "AWS KMS cannot interpret the response from the external key store proxy." + ReportToAdministrator),
        };
    }

    /// <summary>The <c>ConnectionErrorCode</c> of a store whose ConnectCustomKeyStore health check failed (§10.3).</summary>
    public static string ConnectionErrorCodeOf(XksProxyFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return CauseOf(failure) switch
        {
            Cause.AuthenticationFailed => "INVALID_CREDENTIALS",
            Cause.AccessDenied => "XKS_PROXY_ACCESS_DENIED",
            Cause.InvalidUriPath => "XKS_PROXY_INVALID_CONFIGURATION",
            Cause.Tls => "XKS_PROXY_INVALID_TLS_CONFIGURATION",
            Cause.NotReachable or Cause.AllUnavailable or Cause.Throttling or Cause.InvalidState => "XKS_PROXY_NOT_REACHABLE",
            Cause.TimedOut or Cause.DependencyTimeout => "XKS_PROXY_TIMED_OUT",
            Cause.IntegrityMismatch => "INTERNAL_ERROR",
            _ => "XKS_PROXY_INVALID_RESPONSE",
        };
    }
}
