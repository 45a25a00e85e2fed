using System.Text;
using Hyok.Keys;
using Hyok.Server.Tests.Support;

namespace Hyok.Server.Tests.Xks;

/// <summary>xks-spec.md §12 item 17: any change to what Encrypt returned fails Decrypt with InvalidCiphertextException.</summary>
public abstract class TamperTests(ProxyFixture proxy)
{
    private static readonly byte[] Aad = Encoding.ASCII.GetBytes("project=nile,department=marketing");

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("initializationVector")]
    [InlineData("authenticationTag")]
    [InlineData("ciphertextMetadata")]
    public async Task Decrypt_OneBitFlipped_IsInvalidCiphertext(string field)
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("Hello World!"), Aad));
        var bytes = encrypted.Field(field);
        bytes[^1] ^= 0x01;
        encrypted[field] = Convert.ToBase64String(bytes);

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-both/decrypt", XksBodies.Decrypt(encrypted, Aad), 400, "InvalidCiphertextException");
    }

    [Fact]
    public async Task Decrypt_CiphertextMetadataDropped_IsInvalidCiphertext()
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("Hello World!"), Aad));
        encrypted.Remove("ciphertextMetadata");

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-both/decrypt", XksBodies.Decrypt(encrypted, Aad), 400, "InvalidCiphertextException");
    }

    [Theory]
    [InlineData("initializationVector", 11)]
    [InlineData("initializationVector", 16)]
    [InlineData("authenticationTag", 12)]
    public async Task Decrypt_WrongIvOrTagLength_IsInvalidCiphertext(string field, int length)
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("Hello World!")));
        encrypted[field] = Convert.ToBase64String(new byte[length]);

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-both/decrypt", XksBodies.Decrypt(encrypted), 400, "InvalidCiphertextException");
    }

    [Fact]
    public async Task Decrypt_OtherKeysCiphertext_IsInvalidCiphertext()
    {
        proxy.CreateKey("k-tamper-other", ProxyFixture.Alpha, KeyUsage.EncryptDecrypt);
        await StoreChanges.WaitAsync(async () => (await proxy.Runtime.Backend.FindKeyAsync("k-tamper-other", default)).Value is not null);
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("Hello World!")));

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-tamper-other/decrypt", XksBodies.Decrypt(encrypted), 400, "InvalidCiphertextException");
    }

    [Fact]
    public async Task Decrypt_Base64Broken_IsValidationException()
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("Hello World!")));
        var body = XksBodies.Decrypt(encrypted);
        body["ciphertext"] = "not base64!";

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-both/decrypt", body, 400, "ValidationException");
    }

    [Fact]
    public async Task Decrypt_CiphertextMetadataOver20Bytes_IsValidationException()
    {
        var encrypted = await proxy.AlphaClient.EncryptAsync("k-both", XksBodies.Encrypt(Encoding.ASCII.GetBytes("Hello World!")));
        var body = XksBodies.Decrypt(encrypted);
        body["ciphertextMetadata"] = Convert.ToBase64String(new byte[21]);

        await proxy.AlphaClient.ExpectErrorAsync("keys/k-both/decrypt", body, 400, "ValidationException");
    }

    [Collection(SoftwareProxyGroup.Name)]
    public sealed class Software(SoftwareProxyFixture proxy) : TamperTests(proxy);

    [Collection(Pkcs11ProxyGroup.Name)]
    public sealed class Pkcs11(Pkcs11ProxyFixture proxy) : TamperTests(proxy);

    [Collection(PostgreSqlProxyGroup.Name)]
    public sealed class PostgreSql(PostgreSqlProxyFixture proxy) : TamperTests(proxy);
}
