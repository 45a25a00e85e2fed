using System.Globalization;

namespace Hyok.Authentication;

/// <summary>The <c>X-Amz-Date</c> value, <c>YYYYMMDD'T'HHMMSS'Z'</c> in UTC (xks-spec.md §7.1).</summary>
internal static class SigV4Timestamp
{
    /// <summary>Formats an instant as an <c>X-Amz-Date</c> value.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(SigV4Constants.DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses exactly 16 characters <c>yyyyMMddTHHmmssZ</c> (ASCII digits, upper-case <c>T</c> and <c>Z</c>, a real
    /// calendar date, year 0001-9999, no leap second); false for anything else. Accepts exactly what
    /// <see cref="DateTime.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateTime)"/>
    /// with <see cref="SigV4Constants.DateFormat"/> accepts, without its cost on every request.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, out DateTimeOffset instant)
    {
        instant = default;
        if (value.Length != 16 || value[8] != 'T' || value[15] != 'Z'
            || value[..8].ContainsAnyExceptInRange('0', '9') || value[9..15].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        int year = Number(value[..4]), month = Number(value[4..6]), day = Number(value[6..8]);
        int hour = Number(value[9..11]), minute = Number(value[11..13]), second = Number(value[13..15]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        int value = 0;
        foreach (char digit in digits)
        {
            value = (value * 10) + (digit - '0');
        }

        return value;
    }
}
