using System.CommandLine;
using Hyok.Cli.Commands;

namespace Hyok.Cli;

internal static class Program
{
    /// <summary>Exit code of a usage error (unknown command or option, missing argument), as the README promises.</summary>
    public const int UsageError = 2;

    public static async Task<int> Main(string[] args)
    {
        var parsed = BuildRoot().Parse(args);
        var exitCode = await parsed.InvokeAsync().ConfigureAwait(false);

        // System.CommandLine prints the errors and the help, and exits with 1; 1 is reserved for user errors.
        return parsed.Errors.Count > 0 ? UsageError : exitCode;
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("Hyok: a hold-your-own-key External Key Store (XKS) proxy for AWS KMS.");
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(InitCommand.Build());
        root.Subcommands.Add(KeysCommand.Build());
        root.Subcommands.Add(CredentialsCommand.Build());
        root.Subcommands.Add(BlockCommand.Build());
        root.Subcommands.Add(UnblockCommand.Build());
        root.Subcommands.Add(BlocksCommand.Build());
        root.Subcommands.Add(ConfigCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(TestCommand.Build());
        root.Subcommands.Add(AuditCommand.Build());
        root.Subcommands.Add(PolicyCommand.Build());
        root.Subcommands.Add(KmsCommand.Build());
        root.Subcommands.Add(CertCommand.Build());
        root.Subcommands.Add(Demo.DemoCommand.Build());
        root.Subcommands.Add(Doctor.DoctorCommand.Build());
        root.Subcommands.Add(Database.DbCommand.Build());
        root.Subcommands.Add(Fleet.FleetCommand.Build());
        return root;
    }
}
