using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Hyok.Kms.Tests.Hosting;

public sealed class AuthenticationTests : EmulatorTest
{
    [Fact]
    public async Task AnyOperation_WrongSecret_ThrowsInvalidSignature400()
    {
        using var client = Running.Client(secret: RunningEmulator.Secret + "x");

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => client.ListKeysAsync(new ListKeysRequest()));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
    }

    [Fact]
    public async Task AnyOperation_UnknownAccessKey_ThrowsUnrecognizedClient()
    {
        using var client = Running.Client(accessKeyId: "AKIAUNKNOWNUNKNOWN00");

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => client.CreateKeyAsync(new CreateKeyRequest()));

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
    }

    [Fact]
    public async Task AnyOperation_SignedForOtherRegion_ThrowsInvalidSignature()
    {
        using var client = Running.Client(region: "eu-west-1");

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => client.ListKeysAsync(new ListKeysRequest()));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
    }

    [Fact]
    public async Task CreateKey_WrongSecret_CreatesNothing()
    {
        using var client = Running.Client(secret: "wrong-secret-wrong-secret-wrong-secret-00");

        await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() => client.CreateKeyAsync(new CreateKeyRequest()));

        Assert.Empty((await Kms.ListKeysAsync(new ListKeysRequest())).Keys);
    }
}
