namespace Hyok.Cli.Conformance;

/// <summary>
/// The verdict of one check: the outcome, what the spec expects and what the proxy did (for a skip: why it did not run).
/// Neither text ever holds a secret, a plaintext or key bytes: only statuses, error names, sizes and counts.
/// </summary>
internal sealed record CheckVerdict(CheckOutcome Outcome, string Expected, string Actual)
{
    public static CheckVerdict Pass(string expected, string actual) => new(CheckOutcome.Pass, expected, actual);

    public static CheckVerdict Fail(string expected, string actual) => new(CheckOutcome.Fail, expected, actual);

    public static CheckVerdict Skip(string reason) => new(CheckOutcome.Skip, string.Empty, reason);

    public static CheckVerdict Of(bool passed, string expected, string actual) => passed ? Pass(expected, actual) : Fail(expected, actual);

    /// <summary>The first verdict that is not a pass, else <paramref name="last"/>: for checks made of several steps.</summary>
    public CheckVerdict Then(Func<CheckVerdict> last) => Outcome == CheckOutcome.Pass ? last() : this;
}
