using System.Text.Json;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.ExternalKeyStores;

/// <summary>What a real proxy does not do on demand: answer too slowly, answer garbage, report its key managers down.</summary>
public sealed class XksProxyCallerScriptedTests
{
    private const string Principal = "arn:aws:iam::111122223333:user/alice";
    private const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private const string Healthy = """
        {"xksProxyFleetSize":1,"xksProxyVendor":"V","xksProxyModel":"M","ekmVendor":"E","ekmFleetDetails":[{"id":"a","model":"m","healthStatus":"ACTIVE"}]}
        """;

    [Fact]
    public async Task GetHealthStatusAsync_ProxySlowerThan250Ms_TimedOut()
    {
        await using var scripted = await ScriptedProxy.StartAsync(200, Healthy, delay: TimeSpan.FromSeconds(2));
        using var caller = new XksProxyCaller(scripted.Settings(), TimeProvider.System);

        var health = await caller.GetHealthStatusAsync("ConnectCustomKeyStore");
        var encrypt = await caller.EncryptAsync("k1", new XksRequestContext("Encrypt", Principal, KeyArn), [1], null, false);

        Assert.Equal(XksFailureKind.TimedOut, health.Failure?.Kind);
        Assert.Equal("XKS_PROXY_TIMED_OUT", XksFailureMapping.ConnectionErrorCodeOf(health.Failure!));
        Assert.Equal("XksProxyUriUnreachableException", XksFailureMapping.ForKeyStoreManagement(health.Failure!).Type);
        Assert.Equal(XksFailureKind.TimedOut, encrypt.Failure?.Kind);
        var error = XksFailureMapping.ForCryptographicOperation(encrypt.Failure!);
        Assert.Equal("KMSInvalidStateException", error.Type);
        Assert.Contains("did not respond to the request within the timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_CallerCancels_CancellationNotReportedAsTimeout()
    {
        await using var scripted = await ScriptedProxy.StartAsync(200, Healthy, delay: TimeSpan.FromSeconds(5));
        using var caller = new XksProxyCaller(scripted.Settings(), TimeProvider.System, TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => caller.GetHealthStatusAsync("KmsHealthCheck", cancellationToken: cancel.Token));
    }

    [Theory]
    [InlineData(200, "not json", "XKS_PROXY_INVALID_RESPONSE")]
    [InlineData(200, "{\"xksProxyFleetSize\":0,\"xksProxyVendor\":\"V\",\"xksProxyModel\":\"M\",\"ekmVendor\":\"E\",\"ekmFleetDetails\":[{\"id\":\"a\",\"model\":\"m\",\"healthStatus\":\"ACTIVE\"}]}", "XKS_PROXY_INVALID_RESPONSE")]
    [InlineData(200, "{\"xksProxyFleetSize\":1,\"xksProxyVendor\":\"V\",\"xksProxyModel\":\"M\",\"ekmVendor\":\"E\",\"ekmFleetDetails\":[{\"id\":\"a\",\"model\":\"m\",\"healthStatus\":\"FINE\"}]}", "XKS_PROXY_INVALID_RESPONSE")]
    [InlineData(200, "{\"xksProxyFleetSize\":1,\"xksProxyVendor\":\"V\",\"xksProxyModel\":\"M\",\"ekmVendor\":\"E\",\"ekmFleetDetails\":[]}", "XKS_PROXY_INVALID_RESPONSE")]
    [InlineData(500, "", "XKS_PROXY_INVALID_RESPONSE")]
    [InlineData(400, "{\"errorName\":\"NoSuchException\"}", "XKS_PROXY_INVALID_RESPONSE")]
    [InlineData(403, "{\"errorName\":\"AccessDeniedException\"}", "XKS_PROXY_ACCESS_DENIED")]
    [InlineData(503, "{\"errorName\":\"DependencyTimeoutException\",\"errorMessage\":\"hsm slow\"}", "XKS_PROXY_TIMED_OUT")]
    [InlineData(200, "{\"xksProxyFleetSize\":2,\"xksProxyVendor\":\"V\",\"xksProxyModel\":\"M\",\"ekmVendor\":\"E\",\"ekmFleetDetails\":[{\"id\":\"a\",\"model\":\"m\",\"healthStatus\":\"UNAVAILABLE\"},{\"id\":\"b\",\"model\":\"m\",\"healthStatus\":\"UNAVAILABLE\"}]}", "XKS_PROXY_NOT_REACHABLE")]
    public async Task GetHealthStatusAsync_ScriptedAnswer_ConnectionErrorCode(int status, string body, string expected)
    {
        await using var scripted = await ScriptedProxy.StartAsync(status, body);
        using var caller = new XksProxyCaller(scripted.Settings(), TimeProvider.System, HyokProxy.Patient);

        var failure = XksHealthCheck.Evaluate(await caller.GetHealthStatusAsync("ConnectCustomKeyStore"));

        Assert.NotNull(failure);
        Assert.Equal(expected, XksFailureMapping.ConnectionErrorCodeOf(failure));
    }

    [Fact]
    public async Task GetHealthStatusAsync_OneDegradedOneUnavailable_ConnectsAndReportsDegraded()
    {
        const string body = """
            {"xksProxyFleetSize":2,"xksProxyVendor":"V","xksProxyModel":"M","ekmVendor":"E","ekmFleetDetails":[{"id":"a","model":"m","healthStatus":"DEGRADED"},{"id":"b","model":"m","healthStatus":"UNAVAILABLE"}]}
            """;
        await using var scripted = await ScriptedProxy.StartAsync(200, body);
        using var caller = new XksProxyCaller(scripted.Settings(), TimeProvider.System, HyokProxy.Patient);

        var result = await caller.GetHealthStatusAsync("ConnectCustomKeyStore");

        Assert.Null(XksHealthCheck.Evaluate(result));
        Assert.True(XksHealthCheck.IsDegraded(result.Value!));
    }

    [Fact]
    public async Task EncryptAsync_WrongIntegrityValue_IntegrityMismatch()
    {
        const string body = """
            {"ciphertext":"AQID","initializationVector":"AAAAAAAAAAAAAAAA","authenticationTag":"AAAAAAAAAAAAAAAAAAAAAA==","ciphertextDataIntegrityValue":"doMOaf+m+SLxEOfkUsWQLZ7ogxHdDMkxCl3238JWldo="}
            """;
        await using var scripted = await ScriptedProxy.StartAsync(200, body);
        using var caller = new XksProxyCaller(scripted.Settings(), TimeProvider.System, HyokProxy.Patient);

        var result = await caller.EncryptAsync("k1", new XksRequestContext("Encrypt", Principal, KeyArn), [1, 2, 3], null, requestIntegrityValue: true);
        var unchecked_ = await caller.EncryptAsync("k1", new XksRequestContext("Encrypt", Principal, KeyArn), [1, 2, 3], null, requestIntegrityValue: false);

        Assert.Equal(XksFailureKind.IntegrityMismatch, result.Failure?.Kind);
        Assert.Equal("KMSInvalidStateException", XksFailureMapping.ForCryptographicOperation(result.Failure!).Type);
        Assert.True(unchecked_.IsSuccess);
    }

    [Theory]
    [InlineData("{\"ciphertext\":\"AQID\",\"initializationVector\":\"AAAAAAAAAAAAAAAA\",\"authenticationTag\":\"AAAA\"}")]
    [InlineData("{\"ciphertext\":\"AQIDBA==\",\"initializationVector\":\"AAAAAAAAAAAAAAAA\",\"authenticationTag\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}")]
    [InlineData("{\"ciphertext\":\"AQID\",\"initializationVector\":\"AAAAAAAA\",\"authenticationTag\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}")]
    [InlineData("{\"ciphertext\":\"AQ-D\",\"initializationVector\":\"AAAAAAAAAAAAAAAA\",\"authenticationTag\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}")]
    [InlineData("{\"ciphertext\":\"AQID\",\"initializationVector\":\"AAAAAAAAAAAAAAAA\",\"authenticationTag\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"ciphertextMetadata\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}")]
    public async Task EncryptAsync_MalformedAnswer_InvalidResponse(string body)
    {
        await using var scripted = await ScriptedProxy.StartAsync(200, body);
        using var caller = new XksProxyCaller(scripted.Settings(), TimeProvider.System, HyokProxy.Patient);

        var result = await caller.EncryptAsync("k1", new XksRequestContext("Encrypt", Principal, KeyArn), [1, 2, 3], null, false);

        Assert.Equal(XksFailureKind.InvalidResponse, result.Failure?.Kind);
    }

    [Fact]
    public async Task Requests_CarryTheRequestMetadataOfEachOperation()
    {
        await using var scripted = await ScriptedProxy.StartAsync(400, "{\"errorName\":\"ValidationException\"}");
        using var caller = new XksProxyCaller(scripted.Settings(), TimeProvider.System, HyokProxy.Patient);
        var context = new XksRequestContext("GenerateDataKey", Principal, KeyArn, "req-1", KmsViaService: "ebs", AwsSourceVpc: "vpc-1", AwsSourceVpce: "vpce-1");

        await caller.GetHealthStatusAsync("KmsHealthCheck");
        await caller.GetKeyMetadataAsync("k1", context with { KmsOperation = "CreateKey" });
        await caller.EncryptAsync("k1", context, [1], [2], true);
        await caller.DecryptAsync("k1", context with { KmsOperation = "Decrypt", KmsRequestId = null }, new XksCiphertext([1], new byte[12], new byte[16], [7]), [2]);

        var bodies = scripted.Requests.Select(r => (r.Path, Metadata: Metadata(r.Body), Body: JsonDocument.Parse(r.Body).RootElement)).ToList();
        Assert.Equal(["/kms/xks/v1/health", "/kms/xks/v1/keys/k1/metadata", "/kms/xks/v1/keys/k1/encrypt", "/kms/xks/v1/keys/k1/decrypt"], bodies.Select(b => b.Path));
        Assert.Equal(["kmsOperation", "kmsRequestId"], bodies[0].Metadata.Keys.Order());
        Assert.Equal(["awsPrincipalArn", "awsSourceVpc", "awsSourceVpce", "kmsOperation", "kmsRequestId"], bodies[1].Metadata.Keys.Order());
        Assert.Equal("CreateKey", bodies[1].Metadata["kmsOperation"]);
        Assert.Equal(["awsPrincipalArn", "awsSourceVpc", "awsSourceVpce", "kmsKeyArn", "kmsOperation", "kmsRequestId", "kmsViaService"], bodies[2].Metadata.Keys.Order());
        Assert.Equal(KeyArn, bodies[2].Metadata["kmsKeyArn"]);
        Assert.Equal("req-1", bodies[2].Metadata["kmsRequestId"]);
        Assert.Equal("AES_GCM", bodies[2].Body.GetProperty("encryptionAlgorithm").GetString());
        Assert.Equal("SHA_256", bodies[2].Body.GetProperty("ciphertextDataIntegrityValueAlgorithm").GetString());
        Assert.Equal("Ag==", bodies[2].Body.GetProperty("additionalAuthenticatedData").GetString());
        Assert.True(Guid.TryParse(bodies[3].Metadata["kmsRequestId"], out _));
        Assert.Equal("Bw==", bodies[3].Body.GetProperty("ciphertextMetadata").GetString());
    }

    private static Dictionary<string, string> Metadata(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("requestMetadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
