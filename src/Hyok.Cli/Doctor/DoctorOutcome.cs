namespace Hyok.Cli.Doctor;

/// <summary>The verdict of one doctor check: fine, fine for KMS but worth fixing, stops KMS, or not run (an earlier step failed).</summary>
internal enum DoctorOutcome
{
    Pass,
    Warn,
    Fail,
    Skip,
}
