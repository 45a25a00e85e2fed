using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.ExternalKeyStores.Support;
using Hyok.Kms.Tests.Hosting;

namespace Hyok.Kms.Tests.CustomKeyStores;

/// <summary>CreateCustomKeyStore through the AWS SDK: every class of refusal, each with the exception real KMS documents.</summary>
public sealed class CreateTests(HyokProxy proxy) : ExternalKeyStoreTest(proxy)
{
    [Theory]
    [InlineData("http://localhost:1", null, null, "Value 'http://localhost:1' at 'xksProxyUriEndpoint' failed to satisfy constraint")]
    [InlineData(null, "/alpha/xks/v1", null, "Value '/alpha/xks/v1' at 'xksProxyUriPath' failed to satisfy constraint")]
    [InlineData(null, null, "akid-lower-case-000000", "at 'xksProxyAuthenticationCredential.accessKeyId' failed to satisfy constraint")]
    [InlineData(null, null, null, "Value at 'xksProxyAuthenticationCredential.rawSecretAccessKey' failed to satisfy constraint: Member must have length greater than or equal to 43")]
    public async Task Create_MalformedParameter_ValidationExceptionInAwsWording(string? endpoint, string? path, string? accessKeyId, string expected)
    {
        string? secret = endpoint is null && path is null && accessKeyId is null ? "tooShort" : null;

        var e = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(
            () => Kms.CreateCustomKeyStoreAsync(AlphaRequest(endpoint: endpoint, path: path, accessKeyId: accessKeyId, secret: secret)));

        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.StartsWith("1 validation error detected: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tooShort", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TwoMalformedParameters_OneMessageCountingEveryViolation()
    {
        var e = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(
            () => Kms.CreateCustomKeyStoreAsync(AlphaRequest(endpoint: "ftp://x", path: "/nope")));

        // Each too short and off pattern: four constraint violations, as AWS counts them.
        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.StartsWith("4 validation errors detected: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("at 'xksProxyUriEndpoint'", e.Message, StringComparison.Ordinal);
        Assert.Contains("at 'xksProxyUriPath'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NameInUse_CustomKeyStoreNameInUseException()
    {
        await CreateStoreAsync("taken");

        await Assert.ThrowsAsync<CustomKeyStoreNameInUseException>(() => Kms.CreateCustomKeyStoreAsync(AlphaRequest(name: "taken")));
    }

    [Fact]
    public async Task Create_SameEndpointAndPath_XksProxyUriInUseException()
    {
        await CreateStoreAsync("first");

        await Assert.ThrowsAsync<XksProxyUriInUseException>(() => Kms.CreateCustomKeyStoreAsync(AlphaRequest(name: "second")));
    }

    [Fact]
    public async Task Create_WrongSecret_XksProxyIncorrectAuthenticationCredentialException()
    {
        string wrong = Convert.ToBase64String(new byte[32]);

        await Assert.ThrowsAsync<XksProxyIncorrectAuthenticationCredentialException>(() => Kms.CreateCustomKeyStoreAsync(AlphaRequest(secret: wrong)));
        Assert.Empty((await Kms.DescribeCustomKeyStoresAsync(new DescribeCustomKeyStoresRequest())).CustomKeyStores);
    }

    [Fact]
    public async Task Create_WrongPathPrefix_XksProxyInvalidConfigurationException()
    {
        await Assert.ThrowsAsync<XksProxyInvalidConfigurationException>(() => Kms.CreateCustomKeyStoreAsync(AlphaRequest(path: "/nowhere/kms/xks/v1")));
    }

    [Fact]
    public async Task Create_NothingListening_XksProxyUriUnreachableException()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int freePort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await Assert.ThrowsAsync<XksProxyUriUnreachableException>(
            () => Kms.CreateCustomKeyStoreAsync(AlphaRequest(endpoint: $"https://localhost:{freePort}")));
    }

    [Fact]
    public async Task Create_BlockedProxyKeyStore_XksProxyUriUnreachableException()
    {
        var walled = Proxy.Settings(HyokProxy.Walled);

        await Assert.ThrowsAsync<XksProxyUriUnreachableException>(() => Kms.CreateCustomKeyStoreAsync(
            CreateRequest("walled", walled.UriEndpoint, walled.UriPath, walled.AccessKeyId, walled.Secret)));
    }

    [Fact]
    public async Task Create_UntrustedCertificateWithoutCaBundle_XksProxyInvalidConfigurationException()
    {
        string folder = Path.Combine(Folder, "no-bundle");
        await using var plain = await RunningEmulator.StartAsync(folder, configure: o => o.XksTimeoutMilliseconds = TimeoutMilliseconds);
        using var kms = plain.Client();

        await Assert.ThrowsAsync<XksProxyInvalidConfigurationException>(() => kms.CreateCustomKeyStoreAsync(AlphaRequest()));
    }

    [Fact]
    public async Task Create_CloudHsmType_UnsupportedOperationException()
    {
        var request = AlphaRequest();
        request.CustomKeyStoreType = CustomKeyStoreType.AWS_CLOUDHSM;

        var e = await Assert.ThrowsAnyAsync<AmazonKeyManagementServiceException>(() => Kms.CreateCustomKeyStoreAsync(request));
        Assert.Equal("UnsupportedOperationException", e.ErrorCode);
        Assert.Contains("EXTERNAL_KEY_STORE", e.Message, StringComparison.Ordinal);
    }
}
