using System.CommandLine;
using Hyok.Cli.EmbeddedDefault;
using Hyok.Kms.Configuration;
using Hyok.Kms.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok kms serve</c>: runs the KMS emulator (AWS KMS JSON 1.1 API); its state lives in the data folder's <c>kms/</c> without <c>--config</c>.</summary>
internal static class KmsCommand
{
    public static Command Build()
    {
        var command = new Command("kms", "The KMS emulator: an AWS KMS endpoint for the aws CLI and AWS SDKs.");
        var config = new Option<string?>("--config", "-c")
        {
            Description = "Configuration file (JSON, section Hyok:Kms). Default: built-in defaults, state in $HYOK_DATA/kms or ./hyok-data/kms.",
        };
        var serve = new Command("serve", "Run the KMS emulator until Ctrl+C.") { config };
        serve.SetAction((result, cancellationToken) => CliAction.RunAsync(() => ServeAsync(result.GetValue(config), cancellationToken)));
        command.Subcommands.Add(serve);
        return command;
    }

    /// <summary>The data folder used without <c>--config</c>.</summary>
    public static string DefaultFolder() => Path.Combine(DataFolder.FromEnvironment().Root, "kms");

    /// <summary>The emulator's options from <paramref name="configFile"/> (or the defaults), adjusted, then validated.</summary>
    public static KmsOptions LoadOptions(string? configFile, Action<KmsOptions>? adjust = null)
    {
        var options = KmsConfiguration.Load(configFile, DefaultFolder());
        adjust?.Invoke(options);
        var problems = KmsOptionsValidator.Validate(options);
        return problems.Count > 0
            ? throw CliException.ConfigurationProblems(configFile ?? "The KMS emulator configuration", problems)
            : options;
    }

    private static async Task<int> ServeAsync(string? configFile, CancellationToken cancellationToken)
    {
        var options = LoadOptions(configFile);
        using var loggers = KmsServer.CreateLoggerFactory();
        using var emulator = KmsEmulator.Open(options, TimeProvider.System, loggers);
        await using var app = KmsServer.Build(emulator);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        KmsBanner.Print(emulator, KmsServer.BoundAddresses(app)[0]);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
