namespace Hyok.Pkcs11;

public sealed class Pkcs11OptionsTests
{
    private static Pkcs11Options Valid() => new() { ModulePath = "/m.so", TokenLabel = "t", PinFile = "/pin" };

    [Fact]
    public void Validate_Valid_NoProblems() => Assert.Empty(Valid().Validate());

    [Fact]
    public void Defaults_PoolOf8_Wait100()
    {
        Assert.Equal(8, Valid().SessionPoolSize);
        Assert.Equal(100, Valid().SessionWaitTimeoutMilliseconds);
    }

    [Fact]
    public void Validate_BothTokenSelectorsAndBothPinSources_Refused()
    {
        var problems = (Valid() with { TokenSerial = "1234", PinEnvironmentVariable = "PIN" }).Validate();

        Assert.Equal(["set either TokenLabel or TokenSerial, not both", "set either PinFile or PinEnvironmentVariable, not both"], problems);
    }

    [Theory]
    [InlineData(0, 100, 0, "SessionPoolSize must be between 1 and 256 (is 0)")]
    [InlineData(8, 0, 0, "SessionWaitTimeoutMilliseconds must be between 1 and 200 (is 0)")]
    [InlineData(8, 250, 0, "SessionWaitTimeoutMilliseconds must be between 1 and 200 (is 250)")]
    [InlineData(8, 100, -1, "ReconnectIntervalMilliseconds must be between 0 and 60000 (is -1)")]
    public void Validate_OutOfRange_Refused(int pool, int wait, int reconnect, string expected)
    {
        var problems = (Valid() with { SessionPoolSize = pool, SessionWaitTimeoutMilliseconds = wait, ReconnectIntervalMilliseconds = reconnect }).Validate();

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Validate_BadVariableName_Refused()
    {
        var problems = (Valid() with { PinFile = null, PinEnvironmentVariable = "A=B" }).Validate();

        Assert.Equal(["PinEnvironmentVariable 'A=B' is not a valid environment variable name"], problems);
    }
}
