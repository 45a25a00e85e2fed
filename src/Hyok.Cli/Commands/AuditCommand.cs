using System.CommandLine;
using Hyok.Server.Configuration;

namespace Hyok.Cli.Commands;

/// <summary>
/// <c>hyok audit verify|tail|search|export|head</c>: read and check the hash-chained audit trail (docs/audit.md).
/// The folder is <c>Hyok:Audit:Directory</c> of the configuration, or <c>--dir</c>.
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

    /// <summary><c>--dir</c>, else the configured folder; it must exist.</summary>
    private static string ResolveDirectory(string? directoryOption, string? configOption)
    {
        var directory = directoryOption is not null
            ? Path.GetFullPath(directoryOption)
            : HyokConfiguration.Load(ConfigLocator.RequireExisting(configOption)).Audit.Directory;
        return Directory.Exists(directory)
            ? directory
            : throw new CliException($"No audit trail at {directory} (nothing audited yet, or pass --dir DIR).");
    }
}
