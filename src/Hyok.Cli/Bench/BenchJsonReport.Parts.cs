using System.Text.Json;

namespace Hyok.Cli.Bench;

/// <summary>The nested parts of the JSON report: latency percentiles, per operation, per second, and the verdict.</summary>
internal static partial class BenchJsonReport
{
    private static void Latencies(Utf8JsonWriter json, string name, RequestStats stats)
    {
        json.WriteStartObject(name);
        foreach (var (percentileName, percentile) in BenchResult.Percentiles)
        {
            json.WriteNumber(percentileName, Math.Round(stats.LatencyMs(percentile), 3));
        }

        json.WriteEndObject();
    }

    private static void Operations(Utf8JsonWriter json, BenchSettings settings, BenchResult result)
    {
        json.WriteStartObject("operations");
        foreach (var operation in settings.Mix.Operations)
        {
            var stats = result.Tally.Operation(operation);
            json.WriteStartObject(BenchMix.NameOf(operation));
            json.WriteNumber("requests", stats.Requests);
            json.WriteNumber("errorCount", stats.Errors);
            Latencies(json, "latencyMs", stats);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Timeline(Utf8JsonWriter json, BenchResult result)
    {
        json.WriteStartArray("timeline");
        foreach (var point in result.Timeline)
        {
            json.WriteStartObject();
            json.WriteNumber("endSeconds", Math.Round(point.EndSeconds, 3));
            json.WriteNumber("requests", point.Requests);
            json.WriteNumber("errorCount", point.Errors);
            json.WriteNumber("ratePerSecond", Math.Round(point.Rate, 1));
            json.WriteNumber("p50Ms", Math.Round(point.P50Ms, 3));
            json.WriteNumber("p99Ms", Math.Round(point.P99Ms, 3));
            json.WriteNumber("maxMs", Math.Round(point.MaxMs, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Slo(Utf8JsonWriter json, BenchSlo? slo, BenchVerdict? verdict)
    {
        if (slo is null || verdict is null)
        {
            json.WriteNull("slo");
            return;
        }

        json.WriteStartObject("slo");
        json.WriteNumber("p99Ms", slo.P99Ms);
        json.WriteBoolean("p99Pass", verdict.P99Pass);
        NumberOrNull(json, "minRate", slo.MinRate is { } min ? Math.Round(min, 1) : null);
        json.WriteBoolean("ratePass", verdict.RatePass);
        json.WriteNumber("successPercent", Math.Round(verdict.SuccessPercent, 3));
        json.WriteBoolean("successPass", verdict.SuccessPass);
        json.WriteString("verdict", verdict.Word);
        json.WriteEndObject();
    }
}
