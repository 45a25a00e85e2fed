namespace Hyok.Cli.Conformance;

/// <summary>Counts of a run; it passes when nothing that ran failed.</summary>
internal sealed record ConformanceSummary(int Total, int Passed, int Failed, int Skipped, TimeSpan Duration)
{
    public bool Passes => Failed == 0;

    public static ConformanceSummary Of(IReadOnlyList<CheckResult> results, TimeSpan duration) => new(
        results.Count,
        results.Count(r => r.Outcome == CheckOutcome.Pass),
        results.Count(r => r.Outcome == CheckOutcome.Fail),
        results.Count(r => r.Outcome == CheckOutcome.Skip),
        duration);
}
