using System.Text;
using System.Text.Json;

namespace Hyok.Cli.Bench;

/// <summary>The <c>--json</c> report: one JSON document on one line (docs/performance.md lists the fields).</summary>
internal static partial class BenchJsonReport
{
    public static string Json(BenchSettings settings, string backend, BenchResult result, BenchSlo? slo)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("mode", settings.Mode);
            json.WriteString("operation", settings.OperationName);
            json.WriteStartObject("mix");
            foreach (var (operation, weight) in settings.Mix.Weights)
            {
                json.WriteNumber(BenchMix.NameOf(operation), weight);
            }

            json.WriteEndObject();
            json.WriteString("backend", backend);
            json.WriteString("http", settings.HttpName);
            NumberOrNull(json, "concurrency", settings.OpenLoop ? null : settings.Concurrency);
            NumberOrNull(json, "rate", settings.OpenLoop ? settings.Rate : null);
            NumberOrNull(json, "maxInFlight", settings.OpenLoop ? settings.MaxInFlight : null);
            json.WriteNumber("peakInFlight", result.PeakInFlight);
            json.WriteNumber("plaintextBytes", settings.PlaintextBytes);
            json.WriteNumber("aadBytes", settings.AadBytes);
            json.WriteNumber("durationSeconds", Math.Round(result.Measured.TotalSeconds, 3));
            NumberOrNull(json, "windowSeconds", result.Window is { } window ? Math.Round(window.TotalSeconds, 3) : null);
            json.WriteNumber("requests", result.Requests);
            json.WriteNumber("succeeded", result.Tally.Succeeded);
            json.WriteNumber("errorCount", result.ErrorCount);
            json.WriteStartObject("errors");
            foreach (var (name, count) in result.Tally.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(name, count);
            }

            json.WriteEndObject();
            json.WriteNumber("dropped", result.Tally.Dropped);
            json.WriteNumber("late", result.Tally.Late);
            json.WriteStartObject("sendDelayMs");
            json.WriteNumber("p50", result.Tally.SendDelays.ValueAtPercentile(50) / 1000.0);
            json.WriteNumber("p99", result.Tally.SendDelays.ValueAtPercentile(99) / 1000.0);
            json.WriteNumber("max", result.Tally.SendDelays.MaxMicros / 1000.0);
            json.WriteEndObject();
            json.WriteNumber("throughput", Math.Round(result.Throughput, 1));
            json.WriteNumber("achievedRate", Math.Round(result.AchievedRate, 1));
            Latencies(json, "latencyMs", result.Tally.Total);
            Operations(json, settings, result);
            Timeline(json, result);
            Slo(json, slo, slo?.Judge(result));
            json.WriteBoolean("interrupted", result.Interrupted);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void NumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
