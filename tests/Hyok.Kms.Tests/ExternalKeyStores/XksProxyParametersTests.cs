using Hyok.Kms.ExternalKeyStores;

namespace Hyok.Kms.Tests.ExternalKeyStores;

public sealed class XksProxyParametersTests
{
    private const string GoodEndpoint = "https://myproxy.xks.example.com";
    private const string GoodPath = "/example-prefix/kms/xks/v1";
    private const string GoodKeyId = "ABCDE23456ABCDE23456";
    private const string GoodSecret = "K1E1+hC2d5zxq1yGi9ZJ8fHhGwxk9pWiv4c0RnUJKlo=";

    [Theory]
    [InlineData("https://myproxy.xks.example.com")]
    [InlineData("https://localhost:8443")]
    [InlineData("https://127.0.0.1:1")]
    [InlineData("https://a-b.c-d.example")]
    [InlineData("https://x.example:65535")]
    public void CheckEndpoint_ValidEndpoint_Accepted(string endpoint) => Assert.Null(XksProxyParameters.CheckEndpoint(endpoint));

    [Theory]
    [InlineData("http://myproxy.xks.example.com", "regular expression pattern")]
    [InlineData("https://myproxy.example.com/", "regular expression pattern")]
    [InlineData("https://myproxy.example.com/path", "regular expression pattern")]
    [InlineData("https://my_proxy.example.com", "regular expression pattern")]
    [InlineData("https://user@proxy.example.com", "regular expression pattern")]
    [InlineData("https://a", "length greater than or equal to 10")]
    [InlineData("https://proxy..example.com", "valid host name")]
    [InlineData("https://-proxy.example.com", "valid host name")]
    [InlineData("https://proxy-.example.com", "valid host name")]
    [InlineData("https://proxy.example.com:0", "port between 1 and 65535")]
    [InlineData("https://proxy.example.com:70000", "port between 1 and 65535")]
    public void CheckEndpoint_InvalidEndpoint_ValidationExceptionNamingTheRule(string endpoint, string rule)
    {
        var error = XksProxyParameters.CheckEndpoint(endpoint);

        Assert.NotNull(error);
        Assert.Equal("ValidationException", error.Type);
        Assert.Equal(400, error.Status);
        Assert.Contains($"at '{XksProxyParameters.EndpointMember}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckEndpoint_LongerThan128_LengthViolation() =>
        Assert.Contains("length less than or equal to 128", XksProxyParameters.CheckEndpoint("https://" + new string('a', 60) + "." + new string('b', 60) + ".example")!.Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("/kms/xks/v1")]
    [InlineData("/example-prefix/kms/xks/v1")]
    [InlineData("/a/b_c/d-e/kms/xks/v1")]
    [InlineData("/kms/xks/v12")]
    public void CheckPath_ValidPath_Accepted(string path) => Assert.Null(XksProxyParameters.CheckPath(path));

    [Theory]
    [InlineData("kms/xks/v1x", "regular expression pattern")]
    [InlineData("/prefix/kms/xks/v1/", "regular expression pattern")]
    [InlineData("/prefix/kms/xks/v123", "regular expression pattern")]
    [InlineData("/pre fix/kms/xks/v1", "regular expression pattern")]
    [InlineData("/prefix.x/kms/xks/v1", "regular expression pattern")]
    [InlineData("/prefix/kms/xks", "regular expression pattern")]
    [InlineData("/kms/xks", "length greater than or equal to 10")]
    public void CheckPath_InvalidPath_ValidationException(string path, string rule)
    {
        var error = XksProxyParameters.CheckPath(path);

        Assert.NotNull(error);
        Assert.Equal("ValidationException", error.Type);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPath_LongerThan128_LengthViolation() =>
        Assert.Contains("length less than or equal to 128", XksProxyParameters.CheckPath("/" + new string('p', 120) + "/kms/xks/v1")!.Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(GoodKeyId, GoodSecret)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ2345", GoodSecret)]
    [InlineData(GoodKeyId, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456")]
    [InlineData(GoodKeyId, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456/+=abcdefghijklmnopqr")]
    public void CheckCredential_ValidCredential_Accepted(string accessKeyId, string secret) =>
        Assert.Null(XksProxyParameters.CheckCredential(accessKeyId, secret));

    [Theory]
    [InlineData("ABCDE23456ABCDE2345", "accessKeyId", "length greater than or equal to 20")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456", "accessKeyId", "length less than or equal to 30")]
    [InlineData("ABCDE12345ABCDE12345", "accessKeyId", "regular expression pattern")]
    [InlineData("abcde23456abcde23456", "accessKeyId", "regular expression pattern")]
    public void CheckCredential_InvalidAccessKeyId_ValidationExceptionWithTheValue(string accessKeyId, string member, string rule)
    {
        var error = XksProxyParameters.CheckCredential(accessKeyId, GoodSecret);

        Assert.NotNull(error);
        Assert.Equal("ValidationException", error.Type);
        Assert.Contains($"Value '{accessKeyId}' at 'xksProxyAuthenticationCredential.{member}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ012345", "length greater than or equal to 43")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456/+=abcdefghijklmnopqrs", "length less than or equal to 64")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456-_", "regular expression pattern")]
    public void CheckCredential_InvalidSecret_ValidationExceptionWithoutTheSecret(string secret, string rule)
    {
        var error = XksProxyParameters.CheckCredential(GoodKeyId, secret);

        Assert.NotNull(error);
        Assert.Contains("Value at 'xksProxyAuthenticationCredential.rawSecretAccessKey'", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, GoodSecret)]
    [InlineData(GoodKeyId, null)]
    public void CheckCredential_MissingPart_ValidationException(string? accessKeyId, string? secret) =>
        Assert.Equal("ValidationException", XksProxyParameters.CheckCredential(accessKeyId, secret)?.Type);

    [Fact]
    public void Check_SeveralViolations_AllReportedInOneMessage()
    {
        var error = XksProxyParameters.Check("http://x.example.com", "/nope", "short", GoodSecret);

        Assert.NotNull(error);
        Assert.StartsWith("5 validation errors detected: ", error.Message, StringComparison.Ordinal);
        Assert.Null(XksProxyParameters.Check(GoodEndpoint, GoodPath, GoodKeyId, GoodSecret));
    }

    [Fact]
    public void Check_ParametersNotGiven_Skipped()
    {
        Assert.Null(XksProxyParameters.CheckEndpoint(null));
        Assert.Null(XksProxyParameters.CheckPath(null));
        Assert.Null(XksProxyParameters.Check(null, null, null, null));
    }
}
