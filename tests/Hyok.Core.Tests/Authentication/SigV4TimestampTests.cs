using System.Globalization;

namespace Hyok.Authentication;

/// <summary>The hand-written <see cref="SigV4Timestamp.TryParse"/> accepts exactly what <c>DateTime.TryParseExact</c> with the SigV4 format does.</summary>
public sealed class SigV4TimestampTests
{
    private static readonly string[] Valid = ["20240515T120000Z", "20240229T235959Z", "00010101T000000Z", "99991231T235959Z", "20231231T000000Z"];

    [Theory]
    [InlineData("20240515T120000Z", true)]
    [InlineData("20240229T120000Z", true)]
    [InlineData("20230229T120000Z", false)]
    [InlineData("20240515t120000Z", false)]
    [InlineData("20240515T120000z", false)]
    [InlineData("20240515T240000Z", false)]
    [InlineData("20240515T126000Z", false)]
    [InlineData("20240515T120060Z", false)]
    [InlineData("00000515T120000Z", false)]
    [InlineData("20241315T120000Z", false)]
    [InlineData("20240500T120000Z", false)]
    [InlineData("20240515T12000 Z", false)]
    [InlineData("+0240515T120000Z", false)]
    [InlineData("20240515T120000", false)]
    [InlineData("20240515T120000ZZ", false)]
    [InlineData("", false)]
    public void TryParse_Examples_AsTryParseExact(string value, bool accepted)
    {
        Assert.Equal(accepted, SigV4Timestamp.TryParse(value, out DateTimeOffset parsed));
        AssertSameAsReference(value, accepted, parsed);
    }

    [Fact]
    public void TryParse_EverySingleCharacterMutation_AsTryParseExact()
    {
        const string alphabet = "0123456789TZtz +-:./a\u0660\uFF10";
        foreach (string valid in Valid)
        {
            for (int position = 0; position < valid.Length; position++)
            {
                foreach (char replacement in alphabet)
                {
                    string value = string.Concat(valid.AsSpan(0, position), replacement.ToString(), valid.AsSpan(position + 1));
                    AssertSameAsReference(value, SigV4Timestamp.TryParse(value, out DateTimeOffset parsed), parsed);
                }
            }
        }
    }

    [Fact]
    public void TryParse_RandomDigitTimestamps_AsTryParseExact()
    {
        var random = new Random(20240515);
        for (int i = 0; i < 20_000; i++)
        {
            string value = string.Create(CultureInfo.InvariantCulture, $"{random.Next(0, 10_000):0000}{random.Next(0, 14):00}{random.Next(0, 33):00}T{random.Next(0, 26):00}{random.Next(0, 62):00}{random.Next(0, 62):00}Z");
            AssertSameAsReference(value, SigV4Timestamp.TryParse(value, out DateTimeOffset parsed), parsed);
        }
    }

    private static void AssertSameAsReference(string value, bool accepted, DateTimeOffset parsed)
    {
        DateTime expected = default;
        bool reference = value.Length == 16 && DateTime.TryParseExact(
            value, SigV4Constants.DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expected);
        Assert.True(reference == accepted, $"'{value}': reference {reference}, parsed {accepted}");
        if (accepted)
        {
            Assert.Equal(new DateTimeOffset(expected, TimeSpan.Zero), parsed);
        }
    }
}
