using System.CommandLine;

namespace Hyok.Cli.Commands;

/// <summary>
/// <c>hyok audit verify|tail|search|export|head</c>: read and check the hash-chained audit trail (docs/audit.md):
/// the files of <c>--dir</c> or <c>Hyok:Audit:Directory</c>, or, when the configuration's storage is PostgreSQL, the
/// fleet's <c>audit_records</c> (<see cref="AuditTrailLocation"/>).
/// </summary>
internal static partial class AuditCommand
{
    public static Command Build()
    {
        var audit = new Command("audit", "Verify, read and search the tamper-evident audit trail (one record per XKS request).");
        audit.Subcommands.Add(Verify());
        audit.Subcommands.Add(Tail());
        audit.Subcommands.Add(Search());
        audit.Subcommands.Add(Export());
        audit.Subcommands.Add(Head());
        return audit;
    }

    private static Option<string?> DirectoryOption() => new("--dir")
    {
        Description = "The audit folder (default: Hyok:Audit:Directory of the configuration).",
    };

    private static Option<string?> InstanceOption() => new("--instance")
    {
        Description = "With the audit trail in PostgreSQL: only this instance's chain (default: every instance of the fleet).",
    };
}
