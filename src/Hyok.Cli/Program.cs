using System.CommandLine;
using Hyok.Cli.Commands;

namespace Hyok.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("Hyok: a hold-your-own-key External Key Store (XKS) proxy for AWS KMS.");
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(KeysCommand.Build());
        root.Subcommands.Add(CredentialsCommand.Build());
        root.Subcommands.Add(ConfigCommand.Build());
        return root;
    }
}
