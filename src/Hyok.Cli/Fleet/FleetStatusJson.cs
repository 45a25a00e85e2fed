using System.Text;
using System.Text.Json;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Fleet;

/// <summary>The <c>--json</c> output of <c>hyok fleet status</c> (times ISO-8601 UTC, ages in milliseconds of the database clock).</summary>
internal static class FleetStatusJson
{
    public static string Render(string target, TimeSpan liveWindow, IReadOnlyList<FleetInstance> instances)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("database", target);
            json.WriteNumber("liveWindowMs", (long)liveWindow.TotalMilliseconds);
            json.WriteNumber("live", instances.Count(i => i.State == FleetInstanceState.Live));
            json.WriteStartArray("instances");
            foreach (var i in instances)
            {
                json.WriteStartObject();
                json.WriteString("id", i.Id);
                json.WriteString("version", i.Version);
                json.WriteString("state", FleetStatusTable.StateName(i.State));
                json.WriteString("startedAt", i.StartedAt);
                json.WriteString("heartbeatAt", i.HeartbeatAt);
                json.WriteNumber("heartbeatAgeMs", (long)i.HeartbeatAge.TotalMilliseconds);
                json.WriteNumber("load", i.Load);
                if (i.StoppedAt is { } stopped)
                {
                    json.WriteString("stoppedAt", stopped);
                }
                else
                {
                    json.WriteNull("stoppedAt");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
