using System.CommandLine;

namespace Hyok.Cli.Commands;

/// <summary>Options shared by the commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config", "-c")
    {
        Description = "Configuration file (JSON). Default: the embedded default's hyok.json in $HYOK_DATA or ./hyok-data.",
    };

    public static Option<string> KeyStore() => new("--key-store", "-s")
    {
        Description = "Logical key store name.",
        DefaultValueFactory = _ => EmbeddedDefault.DataFolder.DefaultKeyStoreName,
    };
}
