using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.Tests.Hosting;

namespace Hyok.Kms.Tests.Operations;

public sealed class AliasTests : EmulatorTest
{
    [Fact]
    public async Task CreateAlias_ThenListAliases_ShowsAliasWithArnAndTarget()
    {
        var key = await CreateKeyAsync();
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/app/orders", TargetKeyId = key.Arn });

        var aliases = (await Kms.ListAliasesAsync(new ListAliasesRequest())).Aliases;

        var alias = Assert.Single(aliases);
        Assert.Equal("alias/app/orders", alias.AliasName);
        Assert.Equal("arn:aws:kms:us-east-1:111122223333:alias/app/orders", alias.AliasArn);
        Assert.Equal(key.KeyId, alias.TargetKeyId);
    }

    [Fact]
    public async Task ListAliases_ForOneKey_ShowsOnlyItsAliases()
    {
        var first = await CreateKeyAsync();
        var second = await CreateKeyAsync();
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/first", TargetKeyId = first.KeyId });
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/second", TargetKeyId = second.KeyId });

        var aliases = (await Kms.ListAliasesAsync(new ListAliasesRequest { KeyId = second.KeyId })).Aliases;

        Assert.Equal("alias/second", Assert.Single(aliases).AliasName);
    }

    [Fact]
    public async Task CreateAlias_ExistingName_ThrowsAlreadyExists()
    {
        var key = await CreateKeyAsync();
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/twice", TargetKeyId = key.KeyId });

        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/twice", TargetKeyId = key.KeyId }));
    }

    [Theory]
    [InlineData("alias/aws/s3")]
    [InlineData("no-prefix")]
    [InlineData("alias/")]
    public async Task CreateAlias_ReservedOrUnprefixedName_ThrowsInvalidAliasName(string name)
    {
        var key = await CreateKeyAsync();

        await Assert.ThrowsAsync<InvalidAliasNameException>(() => Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = name, TargetKeyId = key.KeyId }));
    }

    [Theory]
    [InlineData("alias/has space")]
    [InlineData("alias/star*")]
    public async Task CreateAlias_InvalidCharacters_ThrowsValidation(string name)
    {
        var key = await CreateKeyAsync();

        var error = await Assert.ThrowsAsync<AmazonKeyManagementServiceException>(() =>
            Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = name, TargetKeyId = key.KeyId }));

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public async Task CreateAlias_UnknownTarget_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/orphan", TargetKeyId = Guid.NewGuid().ToString() }));
    }

    [Fact]
    public async Task DeleteAlias_Existing_RemovesItAndItNoLongerResolves()
    {
        var key = await CreateKeyAsync();
        await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = "alias/short-lived", TargetKeyId = key.KeyId });

        await Kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = "alias/short-lived" });

        Assert.Empty((await Kms.ListAliasesAsync(new ListAliasesRequest())).Aliases);
        await Assert.ThrowsAsync<NotFoundException>(() => Kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = "alias/short-lived" }));
        await Assert.ThrowsAsync<NotFoundException>(() => Kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = "alias/short-lived" }));
    }

    [Fact]
    public async Task ListAliases_WithLimit_PagesByName()
    {
        var key = await CreateKeyAsync();
        foreach (var name in new[] { "alias/c", "alias/a", "alias/b" })
        {
            await Kms.CreateAliasAsync(new CreateAliasRequest { AliasName = name, TargetKeyId = key.KeyId });
        }

        var first = await Kms.ListAliasesAsync(new ListAliasesRequest { Limit = 2 });
        var second = await Kms.ListAliasesAsync(new ListAliasesRequest { Limit = 2, Marker = first.NextMarker });

        Assert.Equal(["alias/a", "alias/b"], first.Aliases.Select(a => a.AliasName));
        Assert.True(first.Truncated);
        Assert.Equal(["alias/c"], second.Aliases.Select(a => a.AliasName));
        Assert.False(second.Truncated);
    }
}
