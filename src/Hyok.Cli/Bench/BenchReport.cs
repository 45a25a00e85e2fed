using Hyok.Cli.Targets;

namespace Hyok.Cli.Bench;

/// <summary>Prints a run: a short table for people, or with <c>--json</c> one JSON line for scripts and docs/performance.md.</summary>
internal static class BenchReport
{
    public static void Write(BenchSettings settings, XksTarget target, string backend, BenchResult result, BenchSlo? slo) =>
        Console.WriteLine(settings.Json
            ? BenchJsonReport.Json(settings, backend, result, slo)
            : BenchTextReport.Table(settings, target, backend, result, slo));
}
