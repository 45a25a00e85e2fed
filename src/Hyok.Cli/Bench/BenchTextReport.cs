using System.Globalization;
using System.Text;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Bench;

/// <summary>The report for people: one labelled line per fact, errors by count, and the SLO verdict last.</summary>
internal static class BenchTextReport
{
    public static string Table(BenchSettings settings, XksTarget target, string backend, BenchResult result, BenchSlo? slo)
    {
        var text = new StringBuilder();
        var payload = settings.HasPayload ? $" of {settings.PlaintextBytes} bytes, {settings.AadBytes} bytes AAD, key {target.KeyId}" : "";
        Line(text, "operation", $"{(settings.Mix.Weights.Count == 1 ? settings.OperationName : settings.Mix.Text)}{payload}");
        Line(text, "target", $"{target.ApiUri} over HTTP/{settings.HttpName}");
        Line(text, "backend", backend);
        Line(text, settings.OpenLoop ? "rate" : "concurrency", settings.OpenLoop
            ? $"{settings.Rate} req/s open loop (at most {settings.MaxInFlight} in flight, peak {result.PeakInFlight})"
            : $"{settings.Concurrency}");
        Line(text, "measured", $"{result.Measured.TotalSeconds:0.00} s after {settings.Warmup.TotalSeconds:0.#} s warm-up{(result.Interrupted ? " (stopped early)" : "")}");
        Line(text, "requests", $"{result.Requests} ({result.ErrorCount} errors)");
        if (settings.OpenLoop)
        {
            Line(text, "not sent", $"{result.Tally.Dropped} dropped (in-flight limit), {result.Tally.Late} sent late (> {OpenLoopRunner.LateAfter.TotalMilliseconds:0} ms behind)");
            Line(text, "send delay ms", FormattableString.Invariant($"p50 {result.Tally.SendDelays.ValueAtPercentile(50) / 1000.0:0.000}   p99 {result.Tally.SendDelays.ValueAtPercentile(99) / 1000.0:0.000}   max {result.Tally.SendDelays.MaxMicros / 1000.0:0.000} (the generator's lag behind the timetable, included in latency)"));
        }

        Line(text, "throughput", $"{result.Throughput:0.0} req/s");
        Line(text, "achieved", $"{result.AchievedRate:0.0} successful req/s");
        Line(text, "latency ms", Percentiles(result.Tally.Total));
        if (settings.Mix.Weights.Count > 1)
        {
            foreach (var operation in settings.Mix.Operations)
            {
                var stats = result.Tally.Operation(operation);
                Line(text, $"  {BenchMix.NameOf(operation)}", $"{stats.Requests} ({stats.Errors} errors)   {Percentiles(stats)}");
            }
        }

        foreach (var (name, count) in result.Tally.Errors.OrderByDescending(e => e.Value))
        {
            Line(text, "error", $"{count,8}  {name}");
        }

        if (slo?.Judge(result) is { } verdict)
        {
            text.AppendLine(Verdict(slo, verdict, result));
        }

        return text.ToString().TrimEnd();
    }

    public static string Verdict(BenchSlo slo, BenchVerdict verdict, BenchResult result)
    {
        var rate = slo.MinRate is { } min ? FormattableString.Invariant($"; achieved {result.AchievedRate:0.0} req/s {(verdict.RatePass ? "≥" : "<")} {min:0.#}") : "";
        return FormattableString.Invariant(
            $"SLO: {verdict.Word} (p99 {result.LatencyMs(99):0.000} ms {(verdict.P99Pass ? "≤" : "not ≤")} {slo.P99Ms:0.###} ms{rate}; {verdict.SuccessPercent:0.##} % successful, {(verdict.SuccessPass ? "≥" : "<")} 99 %)");
    }

    private static string Percentiles(RequestStats stats) =>
        string.Join("   ", BenchResult.Percentiles.Select(p => FormattableString.Invariant($"{p.Name} {stats.LatencyMs(p.Percentile):0.000}")));

    private static void Line(StringBuilder text, string label, string value) => text.Append(CultureInfo.InvariantCulture, $"{label,-13} ").AppendLine(value);
}
