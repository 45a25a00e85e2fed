namespace Hyok.Cli.Conformance;

/// <summary>
/// xks-spec.md §12 item 21, over the whole run: every error answer any check received (405 aside, which has no body in
/// the spec) is single-line JSON with <c>errorName</c> and a short printable <c>errorMessage</c>. Runs last.
/// </summary>
internal static class ErrorBodyChecks
{
    public static ConformanceCheck All() => new("21", "every error body of this run: " + ErrorBodyRule.Description, probe =>
    {
        var errors = probe.Errors.ToList();
        var bad = errors.Select(e => (Answer: e, Problem: ErrorBodyRule.Problem(e))).Where(e => e.Problem is not null).ToList();
        var verdict = errors.Count == 0 ? CheckVerdict.Skip("no error answer was received")
            : bad.Count == 0 ? CheckVerdict.Pass("all well-formed", $"all {errors.Count} error bodies well-formed")
            : CheckVerdict.Fail("all well-formed", $"{bad.Count} of {errors.Count} not, e.g. status {bad[0].Answer.Status}: {bad[0].Problem}");
        return Task.FromResult(verdict);
    });
}
