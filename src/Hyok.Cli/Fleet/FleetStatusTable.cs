using System.Globalization;
using System.Text;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Fleet;

/// <summary>The table of <c>hyok fleet status</c>: one line per instance, then the live count.</summary>
internal static class FleetStatusTable
{
    public static string Render(string target, TimeSpan liveWindow, IReadOnlyList<FleetInstance> instances)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Database:   {target}\n");
        if (instances.Count == 0)
        {
            text.Append("No instance has registered yet.\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{"INSTANCE",-20} {"VERSION",-16} {"STATE",-8} {"STARTED",-20} {"LAST HEARTBEAT",-16} {"LOAD",10}\n");
            foreach (var i in instances)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{Printable(i.Id),-20} {Printable(i.Version),-16} {StateName(i.State),-8} {i.StartedAt:yyyy-MM-ddTHH:mm:ssZ} {Age(i.HeartbeatAge),-16} {i.Load,10:0.##}\n");
            }
        }

        int live = instances.Count(i => i.State == FleetInstanceState.Live);
        text.Append(CultureInfo.InvariantCulture,
            $"Live: {live} of {instances.Count} instance(s) (a heartbeat within {liveWindow.TotalSeconds:0.###} s by the database clock).\n");
        return text.ToString();
    }

    public static string StateName(FleetInstanceState state) => state.ToString().ToLowerInvariant();

    /// <summary>"0.4 s ago", "12 min ago", "3.5 h ago", "2.1 d ago".</summary>
    public static string Age(TimeSpan age) => age.TotalSeconds switch
    {
        < 0 => "0 s ago",
        < 60 => FormattableString.Invariant($"{age.TotalSeconds:0.0} s ago"),
        < 3600 => FormattableString.Invariant($"{age.TotalMinutes:0} min ago"),
        < 86400 => FormattableString.Invariant($"{age.TotalHours:0.#} h ago"),
        _ => FormattableString.Invariant($"{age.TotalDays:0.#} d ago"),
    };

    /// <summary>Control characters of a hand-edited row shown as '?'.</summary>
    private static string Printable(string value) => string.Concat(value.Select(c => char.IsControl(c) ? '?' : c));
}
