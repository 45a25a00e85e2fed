namespace Hyok.Cli.Doctor;

/// <summary>
/// One row of the doctor's table. <paramref name="Detail"/> says what was seen (never a secret); a warning or failure
/// has a <paramref name="Fix"/>, and when KMS would stumble over it, <paramref name="KmsError"/> names what KMS reports
/// (a ConnectCustomKeyStore <c>ConnectionErrorCode</c>, xks-spec.md §10.3, or the exception of the API call that fails).
/// </summary>
internal sealed record DoctorFinding(string Check, DoctorOutcome Outcome, string Detail, string? Fix = null, string? KmsError = null)
{
    public static DoctorFinding Pass(string check, string detail) => new(check, DoctorOutcome.Pass, detail);

    public static DoctorFinding Warn(string check, string detail, string fix, string? kmsError = null) => new(check, DoctorOutcome.Warn, detail, fix, kmsError);

    public static DoctorFinding Fail(string check, string detail, string fix, string? kmsError) => new(check, DoctorOutcome.Fail, detail, fix, kmsError);

    public static DoctorFinding Skip(string check, string reason) => new(check, DoctorOutcome.Skip, reason);
}
