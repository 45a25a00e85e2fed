using Hyok.Cli.Commands;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>--until</c> and <c>--for</c> of <c>hyok block</c>.</summary>
public sealed class BlockTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 30 * 60)]
    [InlineData("2h", 2 * 3600)]
    [InlineData("1d", 86400)]
    [InlineData("1w", 7 * 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("3650d", 3650 * 86400)]
    public void ParseDuration_Valid_IsThatLong(string text, long seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), BlockTime.ParseDuration(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("h")]
    [InlineData("1.5h")]
    [InlineData("-1h")]
    [InlineData("1H")]
    [InlineData("2 h")]
    [InlineData("0m")]
    [InlineData("3651d")]
    [InlineData("9999999d")]
    public void ParseDuration_Invalid_ClearError(string text)
    {
        var error = Assert.Throws<CliException>(() => BlockTime.ParseDuration(text));

        Assert.StartsWith($"--for '{text}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-01T00:00:00Z", "2026-12-01T00:00:00+00:00")]
    [InlineData("2026-12-01", "2026-12-01T00:00:00+00:00")]
    [InlineData("2026-12-01T10:30", "2026-12-01T10:30:00+00:00")]
    [InlineData("2026-12-01 10:30:00", "2026-12-01T10:30:00+00:00")]
    [InlineData("2026-12-01T02:00:00+02:00", "2026-12-01T00:00:00+00:00")]
    public void ParseUntil_IsoTime_WithoutOffsetIsUtc(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BlockTime.ParseUntil(text));
    }

    [Theory]
    [InlineData("12/01/2026")]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01")]
    [InlineData("2026-12-01T25:00:00Z")]
    public void ParseUntil_NotIso_ClearError(string text)
    {
        var error = Assert.Throws<CliException>(() => BlockTime.ParseUntil(text));

        Assert.Contains("is not a time like 2026-12-01T00:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void End_ForOrUntilOrNeither_FromNow()
    {
        Assert.Null(BlockTime.End(null, null, Now));
        Assert.Equal(Now.AddHours(2), BlockTime.End(null, "2h", Now));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), BlockTime.End("2027-01-01", null, Now));
    }

    [Fact]
    public void End_BothGiven_Refused()
    {
        Assert.Equal("Give --until or --for, not both.", Assert.Throws<CliException>(() => BlockTime.End("2027-01-01", "2h", Now)).Message);
    }
}
