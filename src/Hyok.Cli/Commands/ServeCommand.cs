using System.CommandLine;
using Hyok.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok serve</c>: runs the proxy; without <c>--config</c>, on the embedded default.</summary>
internal static class ServeCommand
{
    public static Command Build()
    {
        var config = CommonOptions.Config();
        var command = new Command("serve", "Run the XKS proxy. Without --config: the embedded default in $HYOK_DATA or ./hyok-data, created on first run.") { config };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(() => ServeAsync(result.GetValue(config), cancellationToken)));
        return command;
    }

    private static async Task<int> ServeAsync(string? configOption, CancellationToken cancellationToken)
    {
        var timeProvider = TimeProvider.System;
        var (options, embedded) = ProxyOptionsLoader.Load(configOption, timeProvider);
        using var runtime = BackendRuntime.Open(options.Backend, timeProvider, storage: options.Storage);
        await using var app = HyokServer.Build(options, runtime, timeProvider);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        ServeBanner.Print(options, HyokServer.BoundAddresses(app), embedded, runtime, HyokServer.MetricsAddress(app));
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
