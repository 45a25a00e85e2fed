using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.ExternalKeys;

/// <summary>
/// The emulator against a Hyok proxy requiring mutual TLS (xks-spec.md §7.5), through the AWS SDK: with
/// Hyok:Kms:XksClientCertificateFile of the trusted CA and the allowed name it connects and encrypts; without one, or
/// with one the proxy does not trust, the proxy drops the connection and ConnectCustomKeyStore fails (§10.3).
/// Over TLS 1.3 the client's handshake is complete before the proxy checks the certificate; Hyok then closes the
/// connection without an alert, so the emulator sees the answer end before its first byte — no TLS error it could tell
/// apart from a proxy dropping the request, hence XKS_PROXY_INVALID_RESPONSE rather than XKS_PROXY_INVALID_TLS_CONFIGURATION.
/// </summary>
public sealed class MutualTlsTests(MutualTlsHyokProxy proxy) : ExternalKeyTest<MutualTlsHyokProxy>(proxy)
{
    [Fact]
    public async Task EncryptDecrypt_ClientCertificateOfTheTrustedCa_ConnectsAndRoundTrips()
    {
        await RestartAsync(Proxy.ClientCertificateFile, Proxy.ClientCertificateKeyFile);
        var (storeId, key, _) = await CreateStoreAndKeyAsync();

        var encrypted = await EncryptAsync(key.KeyId, Sentinel());
        var decrypted = await DecryptAsync(encrypted.CiphertextBlob);

        Assert.Equal(ConnectionStateType.CONNECTED, (await DescribeStoreAsync(storeId)).ConnectionState);
        Assert.Equal(key.Arn, decrypted.KeyId);
        Assert.Equal(Sentinel(), decrypted.Plaintext.ToArray());
    }

    [Fact]
    public async Task Connect_NoClientCertificate_FailedWithInvalidResponse()
    {
        string id = await CreateWithClientCertificateThenRestartAsync(null, null);

        var failed = await ConnectAsync(id);

        Assert.Equal(ConnectionStateType.FAILED, failed.ConnectionState);
        Assert.Equal(ConnectionErrorCodeType.XKS_PROXY_INVALID_RESPONSE, failed.ConnectionErrorCode);
    }

    [Fact]
    public async Task Connect_ClientCertificateOfAnotherCa_FailedWithInvalidResponse()
    {
        string id = await CreateWithClientCertificateThenRestartAsync(Proxy.UntrustedCertificateFile, Proxy.UntrustedCertificateKeyFile);

        var failed = await ConnectAsync(id);

        Assert.Equal(ConnectionStateType.FAILED, failed.ConnectionState);
        Assert.Equal(ConnectionErrorCodeType.XKS_PROXY_INVALID_RESPONSE, failed.ConnectionErrorCode);
    }

    [Fact]
    public async Task Create_NoClientCertificate_XksProxyInvalidResponse()
    {
        await Assert.ThrowsAsync<XksProxyInvalidResponseException>(() => Kms.CreateCustomKeyStoreAsync(AlphaRequest()));

        Assert.Empty((await Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest())).CustomKeyStores);
    }

    /// <summary>CreateCustomKeyStore checks the proxy, so the store is created with the good certificate, then the emulator restarts with another (or none).</summary>
    private async Task<string> CreateWithClientCertificateThenRestartAsync(string? certificateFile, string? keyFile)
    {
        await RestartAsync(Proxy.ClientCertificateFile, Proxy.ClientCertificateKeyFile);
        string id = await CreateStoreAsync();
        await RestartAsync(certificateFile, keyFile);
        return id;
    }

    private async Task RestartAsync(string? certificateFile, string? keyFile)
    {
        await StopAsync();
        await StartAsync(options =>
        {
            options.XksClientCertificateFile = certificateFile;
            options.XksClientCertificateKeyFile = keyFile;
        });
    }
}
