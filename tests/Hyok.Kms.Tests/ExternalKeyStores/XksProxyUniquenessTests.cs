using Hyok.Kms.ExternalKeyStores;

namespace Hyok.Kms.Tests.ExternalKeyStores;

public sealed class XksProxyUniquenessTests
{
    private const string Public = XksProxyUniqueness.PublicEndpoint;
    private const string Vpc = XksProxyUniqueness.VpcEndpointService;

    private static readonly XksProxyUse[] Existing =
    [
        new("cks-1", "https://proxy.example.com", "/a/kms/xks/v1", Public),
        new("cks-2", "https://private.example.com", "/kms/xks/v1", Vpc),
    ];

    [Theory]
    [InlineData("https://proxy.example.com", "/a/kms/xks/v1", Public, "XksProxyUriInUseException")]
    [InlineData("https://PROXY.example.com", "/a/kms/xks/v1", Public, "XksProxyUriInUseException")]
    [InlineData("https://proxy.example.com", "/b/kms/xks/v1", Public, null)]
    [InlineData("https://proxy.example.com", "/A/kms/xks/v1", Public, null)]
    [InlineData("https://proxy.example.com", "/b/kms/xks/v1", Vpc, "XksProxyUriEndpointInUseException")]
    [InlineData("https://private.example.com", "/b/kms/xks/v1", Public, "XksProxyUriEndpointInUseException")]
    [InlineData("https://other.example.com", "/a/kms/xks/v1", Public, null)]
    public void Check_AgainstExistingStores_ExpectedError(string endpoint, string path, string connectivity, string? expected) =>
        Assert.Equal(expected, XksProxyUniqueness.Check(new XksProxyUse("cks-new", endpoint, path, connectivity), Existing)?.Type);

    [Fact]
    public void Check_TheStoreBeingUpdated_NotInConflictWithItself() =>
        Assert.Null(XksProxyUniqueness.Check(new XksProxyUse("cks-1", "https://proxy.example.com", "/a/kms/xks/v1", Public), Existing));
}
