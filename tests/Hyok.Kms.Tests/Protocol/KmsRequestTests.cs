using System.Text;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Tests.Protocol;

public sealed class KmsRequestTests
{
    [Fact]
    public void RequiredString_Missing_ValidationExceptionInAwsWording()
    {
        var request = Parse("{}");

        var error = Assert.Throws<KmsException>(() => request.RequiredString("KeyId")).Error;

        Assert.Equal("ValidationException", error.Type);
        Assert.Equal("1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null", error.Message);
    }

    [Fact]
    public void Int_AboveMaximum_ValidationNamingTheValue()
    {
        var error = Assert.Throws<KmsException>(() => Parse("""{"PendingWindowInDays":31}""").Int("PendingWindowInDays", 7, 30)).Error;

        Assert.Equal(
            "1 validation error detected: Value '31' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 30",
            error.Message);
    }

    [Fact]
    public void Enum_UnknownValue_Validation()
    {
        var error = Assert.Throws<KmsException>(() => Parse("""{"KeySpec":"AES_512"}""").Enum("KeySpec", "AES_256", "AES_128")).Error;

        Assert.Equal("ValidationException", error.Type);
    }

    [Theory]
    [InlineData("""{"Plaintext": 5}""")]
    [InlineData("""{"Plaintext": "not base64!"}""")]
    public void Blob_WrongTypeOrEncoding_Serialization(string json)
    {
        Assert.Equal("SerializationException", Assert.Throws<KmsException>(() => Parse(json).Blob("Plaintext", 4096)).Error.Type);
    }

    [Fact]
    public void Blob_TooLong_Validation()
    {
        string json = $$"""{"Plaintext":"{{Convert.ToBase64String(new byte[4097])}}"}""";

        Assert.Equal("ValidationException", Assert.Throws<KmsException>(() => Parse(json).Blob("Plaintext", 4096)).Error.Type);
    }

    [Fact]
    public void Context_NonStringValue_Serialization()
    {
        Assert.Equal(
            "SerializationException",
            Assert.Throws<KmsException>(() => Parse("""{"EncryptionContext":{"a":1}}""").Context("EncryptionContext")).Error.Type);
    }

    [Fact]
    public void Parse_EmptyBody_IsEmptyObject()
    {
        Assert.Null(KmsRequest.Parse(ReadOnlyMemory<byte>.Empty).String("KeyId"));
    }

    private static KmsRequest Parse(string json) => KmsRequest.Parse(Encoding.UTF8.GetBytes(json));
}
