using System.Globalization;
using System.Text;
using System.Text.Json;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Bench;

/// <summary>Prints a run: a short table for people, or with <c>--json</c> one JSON line for scripts and docs/performance.md.</summary>
internal static class BenchReport
{
    public static void Write(BenchSettings settings, XksTarget target, string backend, BenchResult result) =>
        Console.WriteLine(settings.Json ? Json(settings, backend, result) : Table(settings, target, backend, result));

    public static string Json(BenchSettings settings, string backend, BenchResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("operation", settings.OperationName);
            json.WriteString("backend", backend);
            json.WriteString("http", settings.HttpName);
            json.WriteNumber("concurrency", settings.Concurrency);
            json.WriteNumber("plaintextBytes", settings.PlaintextBytes);
            json.WriteNumber("aadBytes", settings.AadBytes);
            json.WriteNumber("durationSeconds", Math.Round(result.Measured.TotalSeconds, 3));
            json.WriteNumber("requests", result.Requests);
            json.WriteNumber("errorCount", result.ErrorCount);
            json.WriteStartObject("errors");
            foreach (var (name, count) in result.Tally.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(name, count);
            }

            json.WriteEndObject();
            json.WriteNumber("throughput", Math.Round(result.Throughput, 1));
            json.WriteStartObject("latencyMs");
            foreach (var (name, percentile) in BenchResult.Percentiles)
            {
                json.WriteNumber(name, Math.Round(result.LatencyMs(percentile), 3));
            }

            json.WriteEndObject();
            json.WriteBoolean("interrupted", result.Interrupted);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Table(BenchSettings settings, XksTarget target, string backend, BenchResult result)
    {
        var text = new StringBuilder();
        var payload = settings.Operation is BenchOperation.Encrypt or BenchOperation.Decrypt
            ? $" of {settings.PlaintextBytes} bytes, {settings.AadBytes} bytes AAD, key {target.KeyId}" : "";
        Line(text, "operation", $"{settings.OperationName}{payload}");
        Line(text, "target", $"{target.ApiUri} over HTTP/{settings.HttpName}");
        Line(text, "backend", backend);
        Line(text, "concurrency", $"{settings.Concurrency}");
        Line(text, "measured", $"{result.Measured.TotalSeconds:0.00} s after {settings.Warmup.TotalSeconds:0.#} s warm-up{(result.Interrupted ? " (stopped early)" : "")}");
        Line(text, "requests", $"{result.Requests} ({result.ErrorCount} errors)");
        Line(text, "throughput", $"{result.Throughput:0.0} req/s");
        Line(text, "latency ms", string.Join("   ", BenchResult.Percentiles.Select(p => $"{p.Name} {result.LatencyMs(p.Percentile):0.000}")));
        foreach (var (name, count) in result.Tally.Errors.OrderByDescending(e => e.Value))
        {
            Line(text, "error", $"{count,8}  {name}");
        }

        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, string label, string value) => text.Append(CultureInfo.InvariantCulture, $"{label,-13} ").AppendLine(value);
}
