namespace Hyok.Protocol;

/// <summary>The one table mapping each <see cref="XksErrorCode"/> to its HTTP status and wire name (xks-spec.md §6.2).</summary>
public static class XksErrors
{
    public static int StatusOf(XksErrorCode code) => code switch
    {
        XksErrorCode.ValidationException => 400,
        XksErrorCode.InvalidStateException => 400,
        XksErrorCode.InvalidCiphertextException => 400,
        XksErrorCode.InvalidKeyUsageException => 400,
        XksErrorCode.AuthenticationFailedException => 401,
        XksErrorCode.AccessDeniedException => 403,
        XksErrorCode.KeyNotFoundException => 404,
        XksErrorCode.InvalidUriPathException => 404,
        XksErrorCode.ThrottlingException => 429,
        XksErrorCode.UnsupportedOperationException => 501,
        XksErrorCode.DependencyTimeoutException => 503,
        XksErrorCode.InternalException => 500,
        _ => 500,
    };

    /// <summary>The <c>errorName</c> on the wire: the enum member name, exactly as the spec spells it.</summary>
    public static string NameOf(XksErrorCode code) => code.ToString();

    /// <summary>Default messages: printable ASCII, under 512 characters (xks-spec.md §6.1).</summary>
    public static string DefaultMessageOf(XksErrorCode code) => code switch
    {
        XksErrorCode.ValidationException => "One or more input parameters are invalid.",
        XksErrorCode.InvalidStateException => "The external key or key store is not enabled.",
        XksErrorCode.InvalidCiphertextException => "The ciphertext, initialization vector, additional authenticated data or authentication tag is corrupted, missing or otherwise invalid.",
        XksErrorCode.InvalidKeyUsageException => "The external key does not support the requested operation.",
        XksErrorCode.AuthenticationFailedException => "The request signature could not be verified.",
        XksErrorCode.AccessDeniedException => "The request was denied by the proxy's authorization policy.",
        XksErrorCode.KeyNotFoundException => "The external key was not found.",
        XksErrorCode.InvalidUriPathException => "The URI path is not valid.",
        XksErrorCode.ThrottlingException => "The request rate is too high.",
        XksErrorCode.UnsupportedOperationException => "The operation or a parameter size is not supported.",
        XksErrorCode.DependencyTimeoutException => "The key manager did not respond in time.",
        XksErrorCode.InternalException => "The proxy encountered an internal error.",
        _ => "The proxy encountered an internal error.",
    };
}
