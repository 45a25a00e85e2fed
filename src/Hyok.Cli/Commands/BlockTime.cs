using System.Globalization;
using System.Text.RegularExpressions;

namespace Hyok.Cli.Commands;

/// <summary>Parses when a block ends: <c>--until 2026-12-01T00:00:00Z</c> (no offset means UTC) or <c>--for 2h</c> (also 30m, 1d, 1h30m...).</summary>
internal static partial class BlockTime
{
    /// <summary>The longest <c>--for</c>; a longer block is one without an end.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3650);

    /// <summary>The end given by <paramref name="until"/> or <paramref name="duration"/> from <paramref name="now"/>; null when neither is given.</summary>
    /// <exception cref="CliException">Both are given, or one does not parse.</exception>
    public static DateTimeOffset? End(string? until, string? duration, DateTimeOffset now) => (until, duration) switch
    {
        (not null, not null) => throw new CliException("Give --until or --for, not both."),
        (not null, null) => ParseUntil(until),
        (null, not null) => now + ParseDuration(duration),
        _ => null,
    };

    public static DateTimeOffset ParseUntil(string text)
    {
        if (!IsoDate().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
        {
            throw new CliException($"--until '{text}' is not a time like 2026-12-01T00:00:00Z (ISO 8601; without an offset it is UTC).");
        }

        return end;
    }

    public static TimeSpan ParseDuration(string text)
    {
        var match = Duration().Match(text);
        if (!match.Success)
        {
            throw new CliException($"--for '{text}' is not a duration like 30m, 2h, 1d or 1h30m (units s, m, h, d, w).");
        }

        var total = TimeSpan.Zero;
        for (int i = 0; i < match.Groups["n"].Captures.Count; i++)
        {
            long n = long.Parse(match.Groups["n"].Captures[i].Value, CultureInfo.InvariantCulture);
            total += match.Groups["unit"].Captures[i].Value switch
            {
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
        }

        return total > TimeSpan.Zero && total <= MaxDuration
            ? total
            : throw new CliException($"--for '{text}' must be more than 0 and at most {(int)MaxDuration.TotalDays} days; leave it out for a block without end.");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+)?(?:Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?:(?<n>\d{1,6})(?<unit>[smhdw]))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
