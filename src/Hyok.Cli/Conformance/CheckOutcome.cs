namespace Hyok.Cli.Conformance;

/// <summary>What became of one check: it ran and passed, ran and failed, or could not run with what was given.</summary>
internal enum CheckOutcome
{
    Pass,
    Fail,
    Skip,
}
