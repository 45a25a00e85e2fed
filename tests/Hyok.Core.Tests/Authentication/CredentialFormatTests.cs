namespace Hyok.Authentication;

/// <summary>xks-spec.md §7.2 credential formats.</summary>
public sealed class CredentialFormatTests
{
    [Theory]
    [InlineData("AKIAI2SFODNN7EXAMPLE", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ2345", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRS", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456", false)]
    [InlineData("ABCDE12345670EXAMPLE", false)]
    [InlineData("akiai2sfodnn7example", false)]
    [InlineData("AKIAI2SFODNN7EXAMPL ", false)]
    [InlineData("AKIAI2SFODNN7EXAMPLÉ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidAccessKeyId_Value_MatchesKmsRule(string? value, bool valid) =>
        Assert.Equal(valid, CredentialFormat.IsValidAccessKeyId(value));

    [Theory]
    [InlineData("FYtE5EFA5FT0mCc3DrGUe2sti527BitkQ0Zr9MO9fvE", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ", true)]
    [InlineData("0123456789/+=0123456789/+=0123456789/+=0123456789/+=0123456789/+", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP", false)]
    [InlineData("0123456789/+=0123456789/+=0123456789/+=0123456789/+=0123456789/+=", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP-", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP_", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOP", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidSecret_Value_MatchesKmsRule(string? value, bool valid) =>
        Assert.Equal(valid, CredentialFormat.IsValidSecret(value));
}
