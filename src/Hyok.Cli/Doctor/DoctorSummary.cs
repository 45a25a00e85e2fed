namespace Hyok.Cli.Doctor;

/// <summary>The counts of a doctor run; it is ready for KMS when nothing failed (warnings allowed).</summary>
internal sealed record DoctorSummary(int Passed, int Warnings, int Failed, int Skipped)
{
    public bool Ready => Failed == 0;

    public static DoctorSummary Of(IReadOnlyList<DoctorFinding> findings) => new(
        findings.Count(f => f.Outcome == DoctorOutcome.Pass),
        findings.Count(f => f.Outcome == DoctorOutcome.Warn),
        findings.Count(f => f.Outcome == DoctorOutcome.Fail),
        findings.Count(f => f.Outcome == DoctorOutcome.Skip));
}
