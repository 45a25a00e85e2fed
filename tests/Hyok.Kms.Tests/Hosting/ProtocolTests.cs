using System.Text.Json;

namespace Hyok.Kms.Tests.Hosting;

/// <summary>The JSON 1.1 envelope: errors as <c>{"__type","message"}</c> with the AWS statuses.</summary>
public sealed class ProtocolTests : EmulatorTest
{
    [Fact]
    public async Task Post_UnknownOperation_UnknownOperationException400()
    {
        var (status, body, errorType) = await RawKmsClient.SendAsync(Running.Endpoint, "TrentService.MakeCoffee", "{}");

        Assert.Equal(400, status);
        Assert.Equal("UnknownOperationException", errorType);
        Assert.Equal("UnknownOperationException", Type(body));
    }

    [Fact]
    public async Task Post_MissingTarget_UnknownOperationException()
    {
        var (status, body, _) = await RawKmsClient.SendAsync(Running.Endpoint, null, "{}");

        Assert.Equal(400, status);
        Assert.Equal("UnknownOperationException", Type(body));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"KeyId\": 5}")]
    [InlineData("{\"KeyId\": \"x\", \"Plaintext\": \"***\"}")]
    public async Task Post_MalformedBody_SerializationException400(string json)
    {
        var (status, body, _) = await RawKmsClient.SendAsync(Running.Endpoint, "TrentService.Encrypt", json);

        Assert.Equal(400, status);
        Assert.Equal("SerializationException", Type(body));
    }

    [Fact]
    public async Task Post_MissingRequiredMember_ValidationExceptionNamingIt()
    {
        var (status, body, _) = await RawKmsClient.SendAsync(Running.Endpoint, "TrentService.DescribeKey", "{}");

        Assert.Equal(400, status);
        Assert.Equal("ValidationException", Type(body));
        Assert.Contains("'keyId'", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Unsigned_MissingAuthenticationToken()
    {
        var (status, body, _) = await RawKmsClient.SendAsync(Running.Endpoint, "TrentService.ListKeys", "{}", sign: false);

        Assert.Equal(400, status);
        Assert.Equal("MissingAuthenticationTokenException", Type(body));
    }

    [Fact]
    public async Task Post_SignedListKeys_200WithJson11ContentType()
    {
        var (status, body, _) = await RawKmsClient.SendAsync(Running.Endpoint, "TrentService.ListKeys", "{}");

        Assert.Equal(200, status);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("Keys").ValueKind);
    }

    [Fact]
    public async Task Post_DryRunEncrypt_DryRunOperationException412()
    {
        string keyId = (await CreateKeyAsync()).KeyId;

        var (status, body, _) = await RawKmsClient.SendAsync(
            Running.Endpoint, "TrentService.Encrypt", $$"""{"KeyId":"{{keyId}}","Plaintext":"AQID","DryRun":true}""");

        Assert.Equal(412, status);
        Assert.Equal("DryRunOperationException", Type(body));
    }

    private static string Type(string body) => JsonDocument.Parse(body).RootElement.GetProperty("__type").GetString()!;

    private static string Message(string body) => JsonDocument.Parse(body).RootElement.GetProperty("message").GetString()!;
}
