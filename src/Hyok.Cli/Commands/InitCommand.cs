using System.CommandLine;
using Hyok.Cli.EmbeddedDefault;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok init</c>: creates the embedded default data folder without starting the server.</summary>
internal static class InitCommand
{
    public static Command Build()
    {
        var command = new Command("init", "Create the embedded default in $HYOK_DATA or ./hyok-data (as the first `hyok serve` does) without serving.");
        command.SetAction(_ => CliAction.Run(() =>
        {
            var folder = DataFolder.FromEnvironment();
            Console.WriteLine(EmbeddedSetup.EnsureCreated(folder, TimeProvider.System)
                ? $"Created the embedded default in {folder.Root}"
                : $"The embedded default already exists in {folder.Root}");
            return 0;
        }));
        return command;
    }
}
