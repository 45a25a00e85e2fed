using Hyok.Kms.Operations;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Tests.Operations;

public sealed class AliasNameTests
{
    [Theory]
    [InlineData("alias/a")]
    [InlineData("alias/app/orders-2024_v1")]
    [InlineData("alias/awsome")]
    public void ValidName_CustomerAlias_Accepted(string name) => Assert.Equal(name, AliasOperations.ValidName(name));

    [Theory]
    [InlineData("alias/aws/ebs", "InvalidAliasNameException")]
    [InlineData("alias/", "InvalidAliasNameException")]
    [InlineData("orders", "InvalidAliasNameException")]
    [InlineData("alias/with space", "ValidationException")]
    [InlineData("alias/é", "ValidationException")]
    public void ValidName_Invalid_Rejected(string name, string type) =>
        Assert.Equal(type, Assert.Throws<KmsException>(() => AliasOperations.ValidName(name)).Error.Type);
}
