using Hyok.Pkcs11.Testing;
using Hyok.Testing;

namespace Hyok.Pkcs11;

/// <summary>Crypto on per-session key copies: the same results, nothing persisted on the token.</summary>
public sealed class Pkcs11SessionKeyCopiesTests(MainTokenFixture fixture) : IClassFixture<MainTokenFixture>
{
    [Fact]
    public async Task Encrypt_WithCopies_DecryptsWithoutCopiesAndLeavesNoTokenObjects()
    {
        using var plainToken = Pkcs11Token.Open(SoftHsm.Shared.Main.Options(sessionKeyCopies: false));
        var withoutCopies = new Pkcs11KeyBackend(plainToken, fixture.Directory, TimeProvider.System);
        var before = await new Pkcs11KeyManager(fixture.Token).ListKeysAsync(default);
        byte[] aad = [0, 3, 1, 2, 3, 0];

        for (var i = 0; i < 50; i++)
        {
            var sealedData = await fixture.Backend.EncryptAsync(MainTokenFixture.Both, 1, "Hello World!"u8.ToArray(), aad, default);
            var opened = await withoutCopies.DecryptAsync(MainTokenFixture.Both, 1, sealedData.Value!, aad, default);
            Assert.Equal("Hello World!"u8.ToArray(), opened.Value);
        }

        Assert.Equal(before, await new Pkcs11KeyManager(fixture.Token).ListKeysAsync(default));
    }

    [Fact]
    public async Task Decrypt_WithCopies_EncryptOnlyKeyStillRefused()
    {
        var sealedData = await fixture.Backend.EncryptAsync(MainTokenFixture.EncryptOnly, 1, new byte[16], new byte[3], default);

        var opened = await fixture.Backend.DecryptAsync(MainTokenFixture.EncryptOnly, 1, sealedData.Value!, new byte[3], default);

        Assert.Equal(Hyok.Protocol.XksErrorCode.InvalidKeyUsageException, opened.Error?.Code);
        Assert.True(sealedData.IsSuccess);
    }
}
