using System.Text;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Xks;

/// <summary>xks-spec.md §12 items 6-9 and 19 (metadata part).</summary>
public abstract class KeyMetadataTests(ProxyFixture proxy)
{
    [Theory]
    [InlineData("CreateKey", false)]
    [InlineData("DescribeKey", true)]
    public async Task Metadata_EnabledKey_DescribesAes256(string operation, bool describeKeyShape)
    {
        using var response = await proxy.AlphaClient.SendAsync("keys/k-both/metadata", XksBodies.Metadata(operation, describeKeyShape), default);

        var body = await XksAssert.OkAsync(response);
        Assert.Equal("AES_256", body["keySpec"]!.GetValue<string>());
        Assert.Equal("ENABLED", body["keyStatus"]!.GetValue<string>());
        var usages = body["keyUsage"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Contains("ENCRYPT", usages);
        Assert.Contains("DECRYPT", usages);
        Assert.InRange(usages.Count, 2, 10);
    }

    [Theory]
    [InlineData("k-enc", "ENCRYPT")]
    [InlineData("k-dec", "DECRYPT")]
    [InlineData("k-none", "")]
    public async Task Metadata_RestrictedKey_ReportsExactUsage(string keyId, string usage)
    {
        using var response = await proxy.AlphaClient.SendAsync($"keys/{keyId}/metadata", XksBodies.Metadata(), default);

        var body = await XksAssert.OkAsync(response);
        Assert.Equal(usage, string.Join(",", body["keyUsage"]!.AsArray().Select(u => u!.GetValue<string>())));
    }

    [Fact]
    public async Task Metadata_DisabledKey_Is200WithDisabledStatus()
    {
        using var response = await proxy.AlphaClient.SendAsync("keys/k-disabled/metadata", XksBodies.Metadata(), default);

        var body = await XksAssert.OkAsync(response);
        Assert.Equal("DISABLED", body["keyStatus"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"requestMetadata\":{}}")]
    public async Task Metadata_EmptyMetadata_IsValidationException(string body)
    {
        using var response = await proxy.AlphaClient.SendAsync("keys/k-both/metadata", Encoding.UTF8.GetBytes(body), default);

        await XksAssert.ErrorAsync(response, 400, "ValidationException");
    }

    [Fact]
    public async Task Metadata_UnknownKey_IsKeyNotFound()
    {
        using var response = await proxy.AlphaClient.SendAsync("keys/non_existing_key/metadata", XksBodies.Metadata(), default);

        await XksAssert.ErrorAsync(response, 404, "KeyNotFoundException");
    }

    [Fact]
    public async Task Metadata_WrongSecret_IsAuthenticationFailed()
    {
        var wrong = proxy.AlphaCredential with { Secret = Convert.ToBase64String(new byte[32]) };

        using var response = await proxy.Client(wrong).SendAsync("keys/k-both/metadata", XksBodies.Metadata(), default);

        await XksAssert.ErrorAsync(response, 401, "AuthenticationFailedException");
    }

    [Collection(SoftwareProxyGroup.Name)]
    public sealed class Software(SoftwareProxyFixture proxy) : KeyMetadataTests(proxy);

    [Collection(Pkcs11ProxyGroup.Name)]
    public sealed class Pkcs11(Pkcs11ProxyFixture proxy) : KeyMetadataTests(proxy);

    [Collection(PostgreSqlProxyGroup.Name)]
    public sealed class PostgreSql(PostgreSqlProxyFixture proxy) : KeyMetadataTests(proxy);

    [Collection(Pkcs11PostgreSqlProxyGroup.Name)]
    public sealed class Pkcs11PostgreSql(Pkcs11PostgreSqlProxyFixture proxy) : KeyMetadataTests(proxy);
}
