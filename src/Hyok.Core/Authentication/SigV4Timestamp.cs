using System.Globalization;

namespace Hyok.Authentication;

/// <summary>The <c>X-Amz-Date</c> value, <c>YYYYMMDD'T'HHMMSS'Z'</c> in UTC (xks-spec.md §7.1).</summary>
internal static class SigV4Timestamp
{
    /// <summary>Formats an instant as an <c>X-Amz-Date</c> value.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(SigV4Constants.DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses exactly 16 characters <c>yyyyMMddTHHmmssZ</c>; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out DateTimeOffset instant)
    {
        instant = default;
        if (value.Length != 16 || value.ContainsAnyExceptInRange((char)0x20, (char)0x7E))
        {
            return false;
        }

        if (!DateTime.TryParseExact(
            value, SigV4Constants.DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime parsed))
        {
            return false;
        }

        instant = new DateTimeOffset(parsed, TimeSpan.Zero);
        return true;
    }
}
