using Hyok.Testing;
using Hyok.Pkcs11.Testing;
using Net.Pkcs11Interop.Common;

namespace Hyok.Pkcs11;

public sealed class Pkcs11HealthTests(MainTokenFixture fixture) : IClassFixture<MainTokenFixture>
{
    [Fact]
    public async Task Probe_HealthyToken_True() => Assert.True(await fixture.Backend.ProbeAsync(default));

    [Fact]
    public async Task HealthKey_CreatedAtStart_NonExtractableSensitiveTokenObject()
    {
        var key = Assert.Single(await TokenAttributes.ReadAsync(fixture.Token, Pkcs11Token.HealthKeyLabel));

        Assert.Equal(true, key[CKA.CKA_TOKEN]);
        Assert.Equal(true, key[CKA.CKA_SENSITIVE]);
        Assert.Equal(false, key[CKA.CKA_EXTRACTABLE]);
        Assert.Equal(32UL, key[CKA.CKA_VALUE_LEN]);
    }

    [Fact]
    public async Task HealthKey_NotListed_NotCreatedTwice()
    {
        using var second = Pkcs11Token.Open(SoftHsm.Shared.Main.Options());

        Assert.DoesNotContain(await new Pkcs11KeyManager(second).ListKeysAsync(default), k => k.Label == Pkcs11Token.HealthKeyLabel);
        Assert.Single(await TokenAttributes.ReadAsync(second, Pkcs11Token.HealthKeyLabel));
    }

    [Fact]
    public void TokenInfo_ForEkmFleetDetails()
    {
        var token = SoftHsm.Shared.Main;

        Assert.Equal("SoftHSM project", fixture.Backend.Vendor);
        Assert.Equal($"SoftHSM project SoftHSM v2 (serial {token.Serial})", fixture.Backend.Model);
        Assert.Equal(token.Serial, fixture.Backend.InstanceId);
        Assert.Equal(new Pkcs11TokenInfo("SoftHSM project", "SoftHSM v2", token.Serial, token.Label), fixture.Token.Info);
    }
}
