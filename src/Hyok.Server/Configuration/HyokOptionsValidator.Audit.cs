namespace Hyok.Server.Configuration;

/// <summary>Checks of <c>Hyok:Audit</c>.</summary>
public static partial class HyokOptionsValidator
{
    public const long MinAuditFileBytes = 64 * 1024;
    public const long MaxAuditFileBytes = 16L * 1024 * 1024 * 1024;

    private static void ValidateAudit(AuditOptions audit, List<string> problems)
    {
        if (!audit.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(audit.Directory))
        {
            problems.Add("Hyok:Audit:Directory is required when auditing is enabled.");
        }
        else if (File.Exists(audit.Directory))
        {
            problems.Add($"Hyok:Audit:Directory '{audit.Directory}' is a file; expected a folder.");
        }

        if (audit.MaxFileBytes < MinAuditFileBytes || audit.MaxFileBytes > MaxAuditFileBytes)
        {
            problems.Add($"Hyok:Audit:MaxFileBytes must be between {MinAuditFileBytes} and {MaxAuditFileBytes} (is {audit.MaxFileBytes}).");
        }

        if (audit.MaxFileAge < TimeSpan.FromMinutes(1) || audit.MaxFileAge > TimeSpan.FromDays(366))
        {
            problems.Add($"Hyok:Audit:MaxFileAge must be between 00:01:00 and 366.00:00:00 (is {audit.MaxFileAge}).");
        }
    }
}
