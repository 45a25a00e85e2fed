namespace Hyok.Authentication;

/// <summary>Canonical header values and signer argument rules (xks-spec.md §7.1).</summary>
public sealed class SigV4CanonicalRequestTests
{
    [Theory]
    [InlineData("a b c", "a b c")]
    [InlineData("  a  b   c  ", "a b c")]
    [InlineData("\ta b\t", "a b")]
    [InlineData("a\t\tb", "a\t\tb")]
    [InlineData("     ", "")]
    [InlineData("", "")]
    [InlineData("x      ", "x")]
    public void Build_HeaderValue_TrimmedAndSpacesCollapsed(string value, string canonical)
    {
        string request = SigV4CanonicalRequest.Build("POST", "/p", [new("x-custom", value)], []);

        Assert.Equal($"POST\n/p\n\nx-custom:{canonical}\n\nx-custom\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", request);
    }

    [Fact]
    public void Build_EmptyPath_UsesSlash() =>
        Assert.StartsWith("POST\n/\n\n", SigV4CanonicalRequest.Build("POST", "", [], []), StringComparison.Ordinal);

    [Theory]
    [InlineData("Host")]
    [InlineData("X-Amz-Date")]
    [InlineData(" ")]
    public void Sign_ExtraHeaderClashesOrEmpty_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => SigV4Signer.Sign(
            "POST", SigV4TestData.Path, SigV4TestData.Host, SigV4TestData.Body, SigV4TestData.SignedAt,
            SigV4TestData.Region, SigV4TestData.AccessKeyId, SigV4TestData.Secret, [new(name, "v")]));

    [Fact]
    public void Sign_ExtraHeaders_SortedAndLowerCased()
    {
        SigV4Signature signature = SigV4Signer.Sign(
            "POST", SigV4TestData.Path, SigV4TestData.Host, SigV4TestData.Body, SigV4TestData.SignedAt,
            SigV4TestData.Region, SigV4TestData.AccessKeyId, SigV4TestData.Secret,
            [new("Zeta", "1"), new("Content-Type", "application/json")]);

        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;zeta,", signature.Authorization, StringComparison.Ordinal);
    }
}
