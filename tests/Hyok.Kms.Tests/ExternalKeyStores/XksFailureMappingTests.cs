using Hyok.Kms.ExternalKeyStores;
using Hyok.Protocol;

namespace Hyok.Kms.Tests.ExternalKeyStores;

/// <summary>The table of xks-spec.md §6.4 and the connection error codes of §10.3, row by row.</summary>
public sealed class XksFailureMappingTests
{
    public static TheoryData<string, string, string, string> Rows => new()
    {
        // failure, Create/UpdateCustomKeyStore, CreateKey, ConnectionErrorCode
        { "ValidationException", "XksProxyInvalidResponseException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_INVALID_RESPONSE" },
        { "InvalidStateException", "XksProxyUriUnreachableException", "XksKeyInvalidConfigurationException", "XKS_PROXY_NOT_REACHABLE" },
        { "InvalidKeyUsageException", "XksProxyInvalidResponseException", "XksKeyInvalidConfigurationException", "XKS_PROXY_INVALID_RESPONSE" },
        { "AuthenticationFailedException", "XksProxyIncorrectAuthenticationCredentialException", "CustomKeyStoreInvalidStateException", "INVALID_CREDENTIALS" },
        { "AccessDeniedException", "XksProxyInvalidResponseException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_ACCESS_DENIED" },
        { "KeyNotFoundException", "XksProxyInvalidResponseException", "XksKeyNotFoundException", "XKS_PROXY_INVALID_RESPONSE" },
        { "InvalidUriPathException", "XksProxyInvalidConfigurationException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_INVALID_CONFIGURATION" },
        { "UnsupportedOperationException", "XksProxyInvalidResponseException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_INVALID_RESPONSE" },
        { "DependencyTimeoutException", "XksProxyUriUnreachableException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_TIMED_OUT" },
        { "ThrottlingException", "XksProxyUriUnreachableException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_NOT_REACHABLE" },
        { "InternalException", "XksProxyInvalidResponseException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_INVALID_RESPONSE" },
        { "NotReachable", "XksProxyUriUnreachableException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_NOT_REACHABLE" },
        { "TlsFailure", "XksProxyInvalidConfigurationException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_INVALID_TLS_CONFIGURATION" },
        { "TimedOut", "XksProxyUriUnreachableException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_TIMED_OUT" },
        { "InvalidResponse", "XksProxyInvalidResponseException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_INVALID_RESPONSE" },
        { "AllKeyManagersUnavailable", "XksProxyUriUnreachableException", "CustomKeyStoreInvalidStateException", "XKS_PROXY_NOT_REACHABLE" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Mapping_EachFailure_ExceptionPerContext(string failure, string management, string createKey, string connectionCode)
    {
        var value = FailureOf(failure);

        Assert.Equal(management, XksFailureMapping.ForKeyStoreManagement(value).Type);
        Assert.Equal(createKey, XksFailureMapping.ForCreateKey(value, "k1").Type);
        Assert.Equal(connectionCode, XksFailureMapping.ConnectionErrorCodeOf(value));
        var crypto = XksFailureMapping.ForCryptographicOperation(value);
        Assert.Equal("KMSInvalidStateException", crypto.Type);
        Assert.Equal(400, crypto.Status);
    }

    [Fact]
    public void ForCryptographicOperation_DistinctCauses_DistinctMessages()
    {
        var messages = Rows.Select(row => XksFailureMapping.ForCryptographicOperation(FailureOf((string)row[0])).Message).ToList();

        // Validation and InvalidResponse share "cannot interpret"; DependencyTimeout and TimedOut share "did not respond in time";
        // NotReachable and AllKeyManagersUnavailable share "cannot communicate".
        Assert.Equal(Rows.Count - 3, messages.Distinct().Count());
        Assert.Contains("did not respond to the request within the timeout", XksFailureMapping.ForCryptographicOperation(FailureOf("TimedOut")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCryptographicOperation_ProxyErrorMessage_NeverPassedToTheCaller()
    {
        var failure = XksProxyFailure.Proxy(400, XksErrorCode.InvalidStateException, "SENTINEL-proxy-detail");

        Assert.DoesNotContain("SENTINEL", XksFailureMapping.ForCryptographicOperation(failure).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL", XksFailureMapping.ForKeyStoreManagement(failure).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINEL", XksFailureMapping.ForCreateKey(failure, "k1").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorCode_UnknownErrorName_Null() =>
        Assert.Null(new XksProxyFailure(XksFailureKind.ProxyError, "x", 400, "NoSuchException").ErrorCode);

    private static XksProxyFailure FailureOf(string name) => Enum.TryParse<XksErrorCode>(name, out var code)
        ? XksProxyFailure.Proxy(XksErrors.StatusOf(code), code, "proxy detail")
        : new XksProxyFailure(Enum.Parse<XksFailureKind>(name), "detail");
}
