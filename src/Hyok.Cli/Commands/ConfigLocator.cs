using Hyok.Cli.EmbeddedDefault;

namespace Hyok.Cli.Commands;

/// <summary>Finds the configuration file: <c>--config</c>, else the embedded default's <c>hyok.json</c>.</summary>
internal static class ConfigLocator
{
    public static string Locate(string? configOption) => configOption ?? DataFolder.FromEnvironment().ConfigFile;

    /// <summary>The file for commands that need an existing configuration; a clear error if there is none.</summary>
    public static string RequireExisting(string? configOption)
    {
        var path = Locate(configOption);
        return File.Exists(path)
            ? path
            : throw new CliException($"No configuration at {path}. Run `hyok serve` once to create the embedded default, or pass --config FILE.");
    }
}
