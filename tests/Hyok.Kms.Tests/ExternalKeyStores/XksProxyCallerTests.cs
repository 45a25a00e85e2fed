using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.ExternalKeyStores;

/// <summary>The emulator's calls to a real Hyok proxy over HTTPS.</summary>
public sealed class XksProxyCallerTests(HyokProxy proxy) : IClassFixture<HyokProxy>
{
    private const string Principal = "arn:aws:iam::111122223333:user/alice";
    private const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static XksRequestContext Encrypting => new("Encrypt", Principal, KeyArn);

    private static XksRequestContext Decrypting => new("Decrypt", Principal, KeyArn);

    [Fact]
    public async Task GetHealthStatusAsync_RealProxy_HealthyFleetAndConnects()
    {
        using var caller = proxy.Caller();

        var result = await caller.GetHealthStatusAsync("ConnectCustomKeyStore");

        Assert.True(result.IsSuccess, result.Failure?.Detail);
        Assert.True(result.Value.XksProxyFleetSize > 0);
        Assert.False(string.IsNullOrEmpty(result.Value.XksProxyVendor));
        Assert.InRange(result.Value.EkmFleetDetails.Count, 1, 10);
        Assert.Contains(result.Value.EkmFleetDetails, d => d.HealthStatus == "ACTIVE");
        Assert.True(Guid.TryParse(result.KmsRequestId, out _));
        Assert.Null(XksHealthCheck.Evaluate(result));
    }

    [Fact]
    public async Task GetHealthStatusAsync_GivenRequestId_SentAndReturned()
    {
        using var caller = proxy.Caller();

        var result = await caller.GetHealthStatusAsync("KmsHealthCheck", "emulator-request-42");

        Assert.True(result.IsSuccess, result.Failure?.Detail);
        Assert.Equal("emulator-request-42", result.KmsRequestId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EncryptAsync_ThenDecryptAsync_RoundTripWithAad(bool integrityValue)
    {
        using var caller = proxy.Caller();
        byte[] plaintext = RandomNumberGenerator.GetBytes(300);
        byte[] aad = Encoding.UTF8.GetBytes("kms-inner-aad:key=1234abcd;context=project=nile");

        var encrypted = await caller.EncryptAsync("k-both", Encrypting, plaintext, aad, integrityValue);
        Assert.True(encrypted.IsSuccess, encrypted.Failure?.Detail);
        Assert.Equal(plaintext.Length, encrypted.Value.Ciphertext.Length);
        Assert.NotEqual(plaintext, encrypted.Value.Ciphertext);

        var decrypted = await caller.DecryptAsync("k-both", Decrypting, encrypted.Value, aad);
        Assert.True(decrypted.IsSuccess, decrypted.Failure?.Detail);
        Assert.Equal(plaintext, decrypted.Value);
    }

    [Fact]
    public async Task DecryptAsync_OtherAad_InvalidCiphertextMappedToKmsInvalidState()
    {
        using var caller = proxy.Caller();
        var encrypted = await caller.EncryptAsync("k-both", Encrypting, [1, 2, 3], [9], requestIntegrityValue: false);
        Assert.True(encrypted.IsSuccess, encrypted.Failure?.Detail);

        var decrypted = await caller.DecryptAsync("k-both", Decrypting, encrypted.Value, [8]);

        Assert.False(decrypted.IsSuccess);
        Assert.Equal("InvalidCiphertextException", decrypted.Failure.ErrorName);
        Assert.Equal(400, decrypted.Failure.HttpStatus);
        var error = XksFailureMapping.ForCryptographicOperation(decrypted.Failure);
        Assert.Equal("KMSInvalidStateException", error.Type);
        Assert.Contains("ciphertext or encryption context is corrupted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncryptAsync_EncryptOnlyKeyWithIntegrityValue_InvalidKeyUsage()
    {
        using var caller = proxy.Caller();

        var plain = await caller.EncryptAsync("k-enc", Encrypting, [1, 2, 3], null, requestIntegrityValue: false);
        var checkedOne = await caller.EncryptAsync("k-enc", Encrypting, [1, 2, 3], null, requestIntegrityValue: true);

        Assert.True(plain.IsSuccess, plain.Failure?.Detail);
        Assert.Equal("InvalidKeyUsageException", checkedOne.Failure?.ErrorName);
    }

    [Fact]
    public async Task WrongSecret_ConnectFailsWithInvalidCredentialsAndCryptoWithKmsInvalidState()
    {
        using var caller = proxy.Caller(proxy.Settings(secret: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

        var health = await caller.GetHealthStatusAsync("ConnectCustomKeyStore");
        var encrypt = await caller.EncryptAsync("k-both", Encrypting, [1], null, requestIntegrityValue: false);

        var failure = XksHealthCheck.Evaluate(health);
        Assert.NotNull(failure);
        Assert.Equal(401, failure.HttpStatus);
        Assert.Equal("INVALID_CREDENTIALS", XksFailureMapping.ConnectionErrorCodeOf(failure));
        Assert.Equal("XksProxyIncorrectAuthenticationCredentialException", XksFailureMapping.ForKeyStoreManagement(failure).Type);
        Assert.False(encrypt.IsSuccess);
        var error = XksFailureMapping.ForCryptographicOperation(encrypt.Failure);
        Assert.Equal("KMSInvalidStateException", error.Type);
        Assert.Contains("could not authenticate AWS KMS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPath_InvalidUriPathMappedToInvalidConfiguration()
    {
        var settings = proxy.Settings() with { UriPath = "/nobody/kms/xks/v1" };
        using var caller = proxy.Caller(settings);

        var failure = XksHealthCheck.Evaluate(await caller.GetHealthStatusAsync("CreateCustomKeyStore"));

        Assert.Equal("InvalidUriPathException", failure?.ErrorName);
        Assert.Equal("XKS_PROXY_INVALID_CONFIGURATION", XksFailureMapping.ConnectionErrorCodeOf(failure!));
        Assert.Equal("XksProxyInvalidConfigurationException", XksFailureMapping.ForKeyStoreManagement(failure!).Type);
    }

    [Fact]
    public async Task ProxyNotListening_NotReachable()
    {
        int port = FreePort();
        using var caller = proxy.Caller(proxy.Settings(endpoint: $"https://localhost:{port}"));

        var health = await caller.GetHealthStatusAsync("ConnectCustomKeyStore");
        var decrypt = await caller.DecryptAsync("k-both", Decrypting, new XksCiphertext([1], new byte[12], new byte[16], null), null);

        Assert.Equal(XksFailureKind.NotReachable, health.Failure?.Kind);
        Assert.Equal("XKS_PROXY_NOT_REACHABLE", XksFailureMapping.ConnectionErrorCodeOf(health.Failure!));
        Assert.Equal("XksProxyUriUnreachableException", XksFailureMapping.ForKeyStoreManagement(health.Failure!).Type);
        Assert.Equal("KMSInvalidStateException", XksFailureMapping.ForCryptographicOperation(decrypt.Failure!).Type);
    }

    [Fact]
    public async Task UntrustedCertificate_SystemRootsOnly_TlsConfigurationError()
    {
        using var caller = proxy.Caller(proxy.Settings(caBundle: null));

        var health = await caller.GetHealthStatusAsync("ConnectCustomKeyStore");

        Assert.Equal(XksFailureKind.TlsFailure, health.Failure?.Kind);
        Assert.Equal("XKS_PROXY_INVALID_TLS_CONFIGURATION", XksFailureMapping.ConnectionErrorCodeOf(health.Failure!));
    }

    [Fact]
    public async Task UntrustedCertificate_BundleOfAnotherCertificate_TlsFailure()
    {
        string other = Path.Combine(proxy.Folder, "other.crt");
        using (var certificate = ScriptedProxy.SelfSigned("localhost"))
        {
            File.WriteAllText(other, certificate.ExportCertificatePem());
        }

        using var caller = proxy.Caller(proxy.Settings(caBundle: other, trustSystemRoots: false));

        Assert.Equal(XksFailureKind.TlsFailure, (await caller.GetHealthStatusAsync("ConnectCustomKeyStore")).Failure?.Kind);
    }

    [Fact]
    public async Task BundleOnly_WithoutSystemRoots_TrustsTheProxyCertificate()
    {
        using var caller = proxy.Caller(proxy.Settings(trustSystemRoots: false));

        var result = await caller.GetHealthStatusAsync("ConnectCustomKeyStore");

        Assert.True(result.IsSuccess, result.Failure?.Detail);
    }

    [Fact]
    public async Task BlockedKeyStore_ConnectFailsNotReachableAndCryptoFailsWithKmsInvalidState()
    {
        using var caller = proxy.Caller(proxy.Settings(HyokProxy.Walled));

        var health = XksHealthCheck.Evaluate(await caller.GetHealthStatusAsync("ConnectCustomKeyStore"));
        var encrypt = await caller.EncryptAsync("w-key", Encrypting, [1, 2], null, requestIntegrityValue: false);

        Assert.Equal("InvalidStateException", health?.ErrorName);
        Assert.Equal("XKS_PROXY_NOT_REACHABLE", XksFailureMapping.ConnectionErrorCodeOf(health!));
        Assert.Equal("XksProxyUriUnreachableException", XksFailureMapping.ForKeyStoreManagement(health!).Type);
        Assert.Equal("InvalidStateException", encrypt.Failure?.ErrorName);
        var error = XksFailureMapping.ForCryptographicOperation(encrypt.Failure!);
        Assert.Equal("KMSInvalidStateException", error.Type);
        Assert.Contains("blocked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultTimeout_250Milliseconds()
    {
        using var caller = new XksProxyCaller(proxy.Settings(), TimeProvider.System);

        Assert.Equal(TimeSpan.FromMilliseconds(250), caller.Timeout);
    }

    [Fact]
    public void Constructor_MissingCaBundle_FailsAtOnce() =>
        Assert.Throws<InvalidOperationException>(() => new XksProxyCaller(proxy.Settings(caBundle: Path.Combine(proxy.Folder, "missing.pem")), TimeProvider.System));

    [Fact]
    public void Settings_ToString_RedactsTheSecret()
    {
        var settings = proxy.Settings();

        Assert.DoesNotContain(settings.Secret, settings.ToString(), StringComparison.Ordinal);
        Assert.Contains(settings.AccessKeyId, settings.ToString(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
