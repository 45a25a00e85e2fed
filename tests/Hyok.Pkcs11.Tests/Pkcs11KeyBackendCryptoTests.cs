using System.Security.Cryptography;
using Hyok.Keys;
using Hyok.Pkcs11.Testing;
using Hyok.Protocol;

namespace Hyok.Pkcs11;

public sealed class Pkcs11KeyBackendCryptoTests(MainTokenFixture fixture) : IClassFixture<MainTokenFixture>
{
    private readonly Pkcs11KeyBackend _backend = fixture.Backend;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(4300, 8192)]
    public async Task EncryptDecrypt_RoundTrip_ReturnsPlaintext(int plaintextSize, int aadSize)
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes(plaintextSize);
        byte[] aad = RandomNumberGenerator.GetBytes(aadSize);

        var sealedData = await _backend.EncryptAsync(MainTokenFixture.Both, 1, plaintext, aad, default);
        Assert.True(sealedData.IsSuccess, sealedData.Error?.ToString());
        Assert.Equal(12, sealedData.Value.InitializationVector.Length);
        Assert.Equal(16, sealedData.Value.AuthenticationTag.Length);
        Assert.Equal(plaintextSize, sealedData.Value.Ciphertext.Length);

        var opened = await _backend.DecryptAsync(MainTokenFixture.Both, 1, sealedData.Value, aad, default);
        Assert.True(opened.IsSuccess, opened.Error?.ToString());
        Assert.Equal(plaintext, opened.Value);
    }

    [Fact]
    public async Task Decrypt_TagByteMovedIntoCiphertext_InvalidCiphertext()
    {
        byte[] aad = [0, 0, 0];
        var sealedData = await _backend.EncryptAsync(MainTokenFixture.Both, 1, "Hello World!"u8.ToArray(), aad, default);
        var tagOnly = sealedData.Value! with { Ciphertext = [.. sealedData.Value.Ciphertext, .. sealedData.Value.AuthenticationTag[..1]] };

        var opened = await _backend.DecryptAsync(MainTokenFixture.Both, 1, tagOnly, aad, default);

        Assert.Equal(XksErrorCode.InvalidCiphertextException, opened.Error?.Code);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("iv")]
    [InlineData("tag")]
    [InlineData("aad")]
    public async Task Decrypt_Tampered_InvalidCiphertext(string part)
    {
        byte[] aad = "project=nile"u8.ToArray();
        var sealedData = (await _backend.EncryptAsync(MainTokenFixture.Both, 1, "secret data"u8.ToArray(), aad, default)).Value!;
        static byte[] Flip(byte[] bytes) => [(byte)(bytes[0] ^ 1), .. bytes[1..]];
        var tampered = part switch
        {
            "ciphertext" => sealedData with { Ciphertext = Flip(sealedData.Ciphertext) },
            "iv" => sealedData with { InitializationVector = Flip(sealedData.InitializationVector) },
            "tag" => sealedData with { AuthenticationTag = Flip(sealedData.AuthenticationTag) },
            _ => sealedData,
        };

        var opened = await _backend.DecryptAsync(MainTokenFixture.Both, 1, tampered, part == "aad" ? Flip(aad) : aad, default);

        Assert.Equal(XksErrorCode.InvalidCiphertextException, opened.Error?.Code);
        Assert.True(fixture.Token.IsAvailable, "a tag mismatch must not be taken for a lost token");
        Assert.True((await _backend.EncryptAsync(MainTokenFixture.Both, 1, new byte[] { 1 }, aad, default)).IsSuccess);
    }

    [Theory]
    [InlineData(11, 16)]
    [InlineData(12, 15)]
    [InlineData(12, 0)]
    public async Task Decrypt_WrongIvOrTagLength_InvalidCiphertext(int ivSize, int tagSize)
    {
        var opened = await _backend.DecryptAsync(MainTokenFixture.Both, 1, new GcmSealed(new byte[4], new byte[ivSize], new byte[tagSize]), new byte[3], default);

        Assert.Equal(XksErrorCode.InvalidCiphertextException, opened.Error?.Code);
    }
}
