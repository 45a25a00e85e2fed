using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.ExternalKeyStores;

/// <summary>CreateKey's GetKeyMetadata check against a real Hyok proxy.</summary>
public sealed class XksKeyCheckTests(HyokProxy proxy) : IClassFixture<HyokProxy>
{
    private const string Principal = "arn:aws:iam::111122223333:role/admin";

    [Theory]
    [InlineData(HyokProxy.Alpha, "k-both", null)]
    [InlineData(HyokProxy.Alpha, "k-disabled", "XksKeyInvalidConfigurationException")]
    [InlineData(HyokProxy.Alpha, "k-enc", "XksKeyInvalidConfigurationException")]
    [InlineData(HyokProxy.Alpha, "no-such-key", "XksKeyNotFoundException")]
    [InlineData(HyokProxy.Walled, "w-key", "XksKeyInvalidConfigurationException")]
    [InlineData(HyokProxy.Alpha, "bad/key", "ValidationException")]
    public async Task CheckAsync_ExternalKey_ExpectedCreateKeyOutcome(string keyStore, string xksKeyId, string? expected)
    {
        using var caller = proxy.Caller(proxy.Settings(keyStore));

        var error = await XksKeyCheck.CheckAsync(caller, xksKeyId, Principal);

        Assert.Equal(expected, error?.Type);
    }

    [Fact]
    public async Task CheckAsync_DisabledKey_MessageNamesTheStatus()
    {
        using var caller = proxy.Caller();

        var error = await XksKeyCheck.CheckAsync(caller, "k-disabled", Principal);

        Assert.Contains("its status is DISABLED, not ENABLED", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_WrongSecret_CustomKeyStoreInvalidState()
    {
        using var caller = proxy.Caller(proxy.Settings(secret: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        Assert.Equal("CustomKeyStoreInvalidStateException", (await XksKeyCheck.CheckAsync(caller, "k-both", Principal))?.Type);
    }

    [Theory]
    [InlineData("k1", true)]
    [InlineData("A-z_0.9", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("slash/", false)]
    public void CheckKeyId_Formats(string id, bool valid) => Assert.Equal(valid, XksKeyCheck.CheckKeyId(id) is null);

    [Fact]
    public void CheckKeyId_129Characters_Refused() => Assert.NotNull(XksKeyCheck.CheckKeyId(new string('k', 129)));

    [Fact]
    public void AlreadyInUse_NamesTheKmsKey() =>
        Assert.Equal("XksKeyAlreadyInUseException", XksKeyCheck.AlreadyInUse("k1", "1234abcd").Type);
}
