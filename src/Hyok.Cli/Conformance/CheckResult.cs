namespace Hyok.Cli.Conformance;

/// <summary>A check that has run: its verdict and how long it took.</summary>
internal sealed record CheckResult(string Id, string Name, CheckVerdict Verdict, TimeSpan Duration)
{
    public CheckOutcome Outcome => Verdict.Outcome;
}
