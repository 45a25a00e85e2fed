using Hyok.Cli.EmbeddedDefault;
using Hyok.Server.Configuration;

namespace Hyok.Cli.Commands;

/// <summary>
/// The proxy's options for <c>hyok serve</c> and <c>hyok demo</c>: from <c>--config</c>, or from the embedded default
/// (created on first run, with a message), validated with every problem reported at once.
/// </summary>
internal static class ProxyOptionsLoader
{
    /// <param name="configOption">The <c>--config</c> value, or null for the embedded default.</param>
    /// <param name="time">The clock for the embedded default's certificate.</param>
    /// <param name="adjust">A change to apply before validating (e.g. <c>hyok demo --listen</c>).</param>
    public static (HyokOptions Options, DataFolder? Embedded) Load(string? configOption, TimeProvider time, Action<HyokOptions>? adjust = null)
    {
        DataFolder? embedded = null;
        if (configOption is null)
        {
            embedded = DataFolder.FromEnvironment();
            if (EmbeddedSetup.EnsureCreated(embedded, time))
            {
                Console.WriteLine($"Created the embedded default in {embedded.Root}");
            }
        }

        var configFile = configOption ?? embedded!.ConfigFile;
        var options = HyokConfiguration.Load(configFile);
        adjust?.Invoke(options);
        var problems = HyokOptionsValidator.Validate(options);
        return problems.Count > 0
            ? throw CliException.ConfigurationProblems(configFile, problems)
            : (options, embedded);
    }
}
