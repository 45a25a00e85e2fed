namespace Hyok.Cli.Doctor;

/// <summary>The text report: a header, one table row per check as it completes (failures and warnings with the fix and the KMS error), a summary.</summary>
internal static class DoctorText
{
    private static readonly int Width = DoctorRun.Checks.Max(c => c.Length);

    public static string Header(DoctorTarget target) =>
        $"hyok doctor: {target.Endpoint} {target.UriPath}{(target.ConnectTo is { } to ? $" (connecting to {to.Host}:{to.Port})" : string.Empty)}";

    /// <summary><c>FAIL  certificate-name      detail</c>, then indented <c>fix:</c> and <c>KMS:</c> lines.</summary>
    public static string Row(DoctorFinding finding)
    {
        var row = $"{finding.Outcome.ToString().ToUpperInvariant(),-4}  {finding.Check.PadRight(Width)}  {finding.Detail}";
        if (finding.Fix is { } fix)
        {
            row += $"\n{new string(' ', 6)}fix: {fix}";
        }

        if (finding.KmsError is { } error)
        {
            row += $"\n{new string(' ', 6)}KMS: {error}";
        }

        return row;
    }

    public static string Summary(DoctorSummary summary) =>
        $"{summary.Passed} passed, {summary.Warnings} warnings, {summary.Failed} failed, {summary.Skipped} skipped - "
        + (summary.Ready ? "ready for CreateCustomKeyStore / ConnectCustomKeyStore" : "fix the failures before ConnectCustomKeyStore");
}
