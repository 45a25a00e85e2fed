using System.Globalization;

namespace Hyok.Cli.Conformance;

/// <summary>The text report: one line per check as it completes, then a summary line.</summary>
internal static class ConformanceText
{
    /// <summary><c>PASS  12 name: actual</c>; a failure shows what was expected; a skip why.</summary>
    public static string Line(CheckResult result) => result.Outcome switch
    {
        CheckOutcome.Fail => $"FAIL  {result.Id} {result.Name}: expected {result.Verdict.Expected}, got {result.Verdict.Actual}",
        CheckOutcome.Skip => $"SKIP  {result.Id} {result.Name}: {result.Verdict.Actual}",
        _ => $"PASS  {result.Id} {result.Name}: {result.Verdict.Actual}",
    };

    public static string Summary(ConformanceSummary summary) => string.Create(
        CultureInfo.InvariantCulture,
        $"{summary.Total} checks: {summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped ({summary.Duration.TotalSeconds:0.0} s){(summary.Failed == 0 ? string.Empty : " - NOT conformant")}");
}
