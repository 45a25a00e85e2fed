using System.CommandLine;
using Hyok.Cli.Commands;
using Hyok.Kms.Hosting;
using Hyok.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Hyok.Cli.Demo;

/// <summary>
/// <c>hyok demo</c>: the whole hold-your-own-key flow on one machine. Runs the proxy on the embedded default and the KMS
/// emulator (trusting the proxy's self-signed certificate) in one process, writes the aws CLI settings to
/// <c>demo/aws-env.sh</c> in the data folder, and prints the aws CLI commands that run the flow end to end.
/// </summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var listen = new Option<string?>("--listen") { Description = "The proxy's IP:port (port 0: a free port). Default: the embedded default's, 127.0.0.1:8443." };
        var kmsListen = new Option<string?>("--kms-listen") { Description = "The KMS emulator's IP:port (port 0: a free port). Default: 127.0.0.1:8090." };
        var command = new Command("demo", "Run the XKS proxy (embedded default) and the KMS emulator together and print the aws CLI commands of the whole flow.")
        {
            listen, kmsListen,
        };
        command.SetAction((result, cancellationToken) =>
            CliAction.RunAsync(() => RunAsync(result.GetValue(listen), result.GetValue(kmsListen), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(string? listen, string? kmsListen, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var (options, embedded) = ProxyOptionsLoader.Load(null, time, o =>
        {
            if (listen is not null)
            {
                o.Server.Listen.Clear();
                o.Server.Listen.Add(listen);
            }
        });
        var kmsOptions = KmsCommand.LoadOptions(null, o =>
        {
            o.Listen = kmsListen ?? o.Listen;
            o.XksCaBundleFile ??= embedded!.CertificateFile;
        });

        using var runtime = BackendRuntime.Open(options.Backend, time, storage: options.Storage);
        await using var proxy = HyokServer.Build(options, runtime, time);
        await proxy.StartAsync(cancellationToken).ConfigureAwait(false);
        using var loggers = KmsServer.CreateLoggerFactory();
        using var emulator = KmsEmulator.Open(kmsOptions, time, loggers);
        await using var kms = KmsServer.Build(emulator);
        await kms.StartAsync(cancellationToken).ConfigureAwait(false);

        var guide = DemoGuide.Create(embedded!, options.KeyStores[0], HyokServer.BoundAddresses(proxy)[0], emulator, KmsServer.BoundAddresses(kms)[0], runtime);
        await guide.WarmUpAsync(kmsOptions, cancellationToken).ConfigureAwait(false);
        guide.WriteEnvironmentFile();
        guide.Print();

        // Either server stopping (Ctrl+C stops both) ends the demo.
        await Task.WhenAny(proxy.WaitForShutdownAsync(cancellationToken), kms.WaitForShutdownAsync(cancellationToken)).ConfigureAwait(false);
        return 0;
    }
}
