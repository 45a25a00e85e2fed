using Hyok.Cli.Commands;
using Hyok.Server.Configuration;

namespace Hyok.Cli.Database;

/// <summary>The configuration of a command that reads the shared state database (<c>hyok db</c>, <c>hyok fleet</c>, <c>hyok audit</c>).</summary>
internal static class ConfiguredStorage
{
    /// <summary>The configuration file's path and options, with every <c>Hyok:Storage</c> problem reported at once.</summary>
    public static (string Path, HyokOptions Options) Load(string? configOption)
    {
        string path = ConfigLocator.RequireExisting(configOption);
        var options = HyokConfiguration.Load(path);
        return HyokOptionsValidator.ValidateStorage(options.Storage) is { Count: > 0 } problems
            ? throw CliException.ConfigurationProblems(path, problems)
            : (path, options);
    }
}
