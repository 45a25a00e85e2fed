using System.CommandLine;
using Hyok.Server.Configuration;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok config check</c>: loads and validates a configuration, reporting every problem at once.</summary>
internal static class ConfigCommand
{
    public static Command Build()
    {
        var config = CommonOptions.Config();
        var check = new Command("check", "Validate a configuration file and report every problem at once.") { config };
        check.SetAction(result => CliAction.Run(() =>
        {
            var path = ConfigLocator.RequireExisting(result.GetValue(config));
            var problems = HyokOptionsValidator.Validate(HyokConfiguration.Load(path));
            if (problems.Count == 0)
            {
                Console.WriteLine($"{path}: OK");
                return 0;
            }

            Console.Error.WriteLine($"{path}: {problems.Count} problem(s):");
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"  - {problem}");
            }

            return 1;
        }));
        return new Command("config", "Work with configuration files.") { check };
    }
}
