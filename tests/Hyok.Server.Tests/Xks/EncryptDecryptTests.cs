using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hyok.Crypto;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Xks;

/// <summary>xks-spec.md §12 items 10-16 and 20: round trips, AAD, CDIV, sizes, response shape.</summary>
public abstract class EncryptDecryptTests(ProxyFixture proxy)
{
    private static readonly byte[] NileAad = Convert.FromBase64String("cHJvamVjdD1uaWxlLGRlcGFydG1lbnQ9bWFya2V0aW5n");
    private static readonly byte[] BlueAad = Convert.FromBase64String("cHJvamVjdD1ibHVlLGRlcGFydG1lbnQ9ZmluYW5jZQ==");

    [Theory]
    [InlineData("cGxhaW50ZXh0Cg==", false)]
    [InlineData("SGVsbG8gV29ybGQh", true)]
    [InlineData("", false)]
    public async Task EncryptThenDecrypt_WithAndWithoutAad_RoundTrips(string plaintextBase64, bool withAad)
    {
        var plaintext = Convert.FromBase64String(plaintextBase64);
        var aad = withAad ? NileAad : null;

        var encrypted = await EncryptAsync("k-both", XksBodies.Encrypt(plaintext, aad));
        var decrypted = await DecryptAsync("k-both", XksBodies.Decrypt(encrypted, aad));

        Assert.Equal(plaintextBase64, decrypted["plaintext"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(4096, 8192)]
    [InlineData(4300, 8192)]
    [InlineData(8192, 16384)]
    public async Task EncryptThenDecrypt_SpecMinimumSizes_RoundTrips(int plaintextSize, int aadSize)
    {
        var plaintext = RandomNumberGenerator.GetBytes(plaintextSize);
        var aad = RandomNumberGenerator.GetBytes(aadSize);

        var encrypted = await EncryptAsync("k-both", XksBodies.Encrypt(plaintext, aad, cdiv: true));
        var decrypted = await DecryptAsync("k-both", XksBodies.Decrypt(encrypted, aad));

        Assert.Equal(plaintext, Convert.FromBase64String(decrypted["plaintext"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Encrypt_WithIntegrityValue_MatchesSection54Formula(bool withAad)
    {
        var aad = withAad ? NileAad : null;

        var encrypted = await EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("Hello World!"), aad, cdiv: true));

        var expected = CiphertextIntegrity.Compute(
            aad ?? [], encrypted.Field("ciphertextMetadata"), encrypted.Field("initializationVector"), encrypted.Field("ciphertext"), encrypted.Field("authenticationTag"));
        Assert.Equal(Convert.ToBase64String(expected), encrypted["ciphertextDataIntegrityValue"]!.GetValue<string>());
        await DecryptAsync("k-both", XksBodies.Decrypt(encrypted, aad));
    }

    [Fact]
    public async Task Encrypt_Response_HasSpecShape()
    {
        var plaintext = RandomNumberGenerator.GetBytes(1000);

        var encrypted = await EncryptAsync("k-both", XksBodies.Encrypt(plaintext));

        Assert.Equal(12, encrypted.Field("initializationVector").Length);
        Assert.Equal(16, encrypted.Field("authenticationTag").Length);
        Assert.Equal(plaintext.Length, encrypted.Field("ciphertext").Length);
        Assert.InRange(encrypted.Field("ciphertextMetadata").Length, 1, 20);
        Assert.Null(encrypted["ciphertextDataIntegrityValue"]);
        Assert.All(encrypted, p => Assert.Equal(0, p.Value!.GetValue<string>().Length % 4));
    }

    [Fact]
    public async Task Encrypt_TwiceSamePlaintext_UsesFreshIvs()
    {
        var body = XksBodies.Encrypt(Encoding.ASCII.GetBytes("same"));

        var first = await EncryptAsync("k-both", body);
        var second = await EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("same")));

        Assert.NotEqual(first["initializationVector"]!.GetValue<string>(), second["initializationVector"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Decrypt_MissingOrDifferentAad_IsInvalidCiphertext(bool encryptWithAad, bool decryptWithOtherAad)
    {
        var encrypted = await EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("secret"), encryptWithAad ? NileAad : null));

        using var response = await proxy.AlphaClient.SendAsync("keys/k-both/decrypt", XksBodies.Bytes(XksBodies.Decrypt(encrypted, decryptWithOtherAad ? BlueAad : null)), default);

        await XksAssert.ErrorAsync(response, 400, "InvalidCiphertextException");
    }

    [Fact]
    public async Task Encrypt_UnknownMembersAndOperation_Accepted()
    {
        var body = XksBodies.Encrypt(Encoding.ASCII.GetBytes("x"), operation: "BulkEncrypt");
        body["someFutureField"] = new JsonObject { ["nested"] = new JsonArray(1, 2) };
        body["requestMetadata"]!["kmsRecipientAttestationImageSha384"] = "abc";

        await EncryptAsync("k-both", body);
    }

    [Fact]
    public async Task EncryptThenDecrypt_ArnsOf2048Characters_Accepted()
    {
        var arn = "arn:aws:iam::123456789012:role/" + new string('r', 2048 - 31);
        var body = XksBodies.Encrypt(RandomNumberGenerator.GetBytes(4300), RandomNumberGenerator.GetBytes(8192), cdiv: true);
        foreach (var field in new[] { "awsPrincipalArn", "kmsKeyArn" })
        {
            body["requestMetadata"]![field] = arn;
        }

        var encrypted = await EncryptAsync("k-both", body);
        var decrypt = XksBodies.Decrypt(encrypted, Convert.FromBase64String(body["additionalAuthenticatedData"]!.GetValue<string>()));
        decrypt["requestMetadata"]!["awsPrincipalArn"] = arn;
        decrypt["requestMetadata"]!["kmsKeyArn"] = arn;

        Assert.Equal(2048, arn.Length);
        Assert.Equal(body["plaintext"]!.GetValue<string>(), (await DecryptAsync("k-both", decrypt))["plaintext"]!.GetValue<string>());
    }

    [Fact]
    public async Task Encrypt_UnknownKey_IsKeyNotFound()
    {
        using var response = await proxy.AlphaClient.SendAsync("keys/nope/encrypt", XksBodies.Bytes(XksBodies.Encrypt([1])), default);

        await XksAssert.ErrorAsync(response, 404, "KeyNotFoundException");
    }

    [Fact]
    public async Task Encrypt_MissingPlaintext_IsValidationException()
    {
        var body = XksBodies.Encrypt([1]);
        body.Remove("plaintext");

        using var response = await proxy.AlphaClient.SendAsync("keys/k-both/encrypt", XksBodies.Bytes(body), default);

        await XksAssert.ErrorAsync(response, 400, "ValidationException");
    }

    private Task<JsonObject> EncryptAsync(string keyId, JsonObject body) => proxy.AlphaClient.EncryptAsync(keyId, body);

    private Task<JsonObject> DecryptAsync(string keyId, JsonObject body) => proxy.AlphaClient.DecryptAsync(keyId, body);

    [Collection(SoftwareProxyGroup.Name)]
    public sealed class Software(SoftwareProxyFixture proxy) : EncryptDecryptTests(proxy);

    [Collection(Pkcs11ProxyGroup.Name)]
    public sealed class Pkcs11(Pkcs11ProxyFixture proxy) : EncryptDecryptTests(proxy);

    [Collection(PostgreSqlProxyGroup.Name)]
    public sealed class PostgreSql(PostgreSqlProxyFixture proxy) : EncryptDecryptTests(proxy);

    [Collection(Pkcs11PostgreSqlProxyGroup.Name)]
    public sealed class Pkcs11PostgreSql(Pkcs11PostgreSqlProxyFixture proxy) : EncryptDecryptTests(proxy);
}
