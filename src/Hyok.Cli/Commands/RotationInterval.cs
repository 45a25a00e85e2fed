using System.Globalization;

namespace Hyok.Cli.Commands;

/// <summary>The <c>--every</c> words of <c>hyok keys rotate</c>: <c>Nd</c> (days, 1-36500) or <c>off</c>.</summary>
internal static class RotationInterval
{
    /// <summary>The interval, or null for <c>off</c>.</summary>
    /// <exception cref="CliException">Anything else.</exception>
    public static TimeSpan? Parse(string text)
    {
        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return text.EndsWith('d') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int days) && days is >= 1 and <= 36500
            ? TimeSpan.FromDays(days)
            : throw new CliException($"--every '{text}' is not a schedule: use a number of days such as 365d (1d-36500d), or off");
    }

    public static string Format(TimeSpan? every) =>
        every is { } e ? string.Create(CultureInfo.InvariantCulture, $"{e.TotalDays:0.###}d") : "off";
}
