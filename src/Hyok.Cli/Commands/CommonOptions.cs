using System.CommandLine;

namespace Hyok.Cli.Commands;

/// <summary>Options shared by the commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "Configuration file (JSON). Default: the embedded default's hyok.json in $HYOK_DATA or ./hyok-data.",
    };

    /// <summary>Which backend's keys to manage; default: <c>Hyok:Backend:Type</c> of the configuration.</summary>
    public static Option<string?> Backend()
    {
        var option = new Option<string?>("--backend", "-b") { Description = "software or pkcs11 (default: Hyok:Backend:Type of the configuration)." };
        option.AcceptOnlyFromAmong("software", "pkcs11");
        return option;
    }

    public static Option<string> KeyStore() => new("--key-store", "-s")
    {
        Description = "Logical key store name.",
        DefaultValueFactory = _ => EmbeddedDefault.DataFolder.DefaultKeyStoreName,
    };

    /// <summary>A command with these options, in this order.</summary>
    public static Command CommandWith(string name, string description, IEnumerable<Option> options)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }
}
