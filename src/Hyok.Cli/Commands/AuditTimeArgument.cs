using System.Globalization;

namespace Hyok.Cli.Commands;

/// <summary>Times for <c>--since</c>/<c>--until</c>: ISO-8601 (UTC unless an offset is given) or an age: <c>30s</c>, <c>15m</c>, <c>2h</c>, <c>7d</c>.</summary>
internal static class AuditTimeArgument
{
    public static DateTimeOffset? Parse(string? value, string option, TimeProvider? timeProvider = null)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length >= 2 && long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && Unit(value[^1]) is { } unit)
        {
            return (timeProvider ?? TimeProvider.System).GetUtcNow() - (unit * amount);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new CliException($"{option} '{value}' is neither an ISO-8601 time (2026-11-28T20:00:00Z) nor an age (30s, 15m, 2h, 7d).");
    }

    private static TimeSpan? Unit(char suffix) => suffix switch
    {
        's' => TimeSpan.FromSeconds(1),
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        _ => null,
    };
}
