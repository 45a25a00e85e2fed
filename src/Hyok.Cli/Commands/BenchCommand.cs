using System.CommandLine;
using Hyok.Cli.Bench;
using Hyok.Cli.Targets;
using Hyok.Client;

namespace Hyok.Cli.Commands;

/// <summary>
/// <c>hyok bench</c>: a closed-loop load generator that signs every request like KMS (xks-spec.md §7.1), for
/// measuring the proxy (docs/performance.md). Errors are counted, not fatal; exit 1 only when setup fails.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var options = new BenchOptions();
        var command = CommonOptions.CommandWith("bench", "Measure a key store: repeat signed XKS requests from concurrent workers and print throughput and latency percentiles. Without --url: the embedded default (or --config).", options.All);

        command.SetAction((result, cancellationToken) => CliAction.RunAsync(
            () => RunAsync(options.Target.Target(result, result.GetValue(options.Url)), options.Settings(result), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(XksTargetOptions given, BenchSettings settings, CancellationToken outer)
    {
        using var interruption = new Interruption(outer);
        var cancellationToken = interruption.Token;
        var target = XksTargets.Resolve(given);
        using var http = XksHttp.Create(settings.HttpVersion, target.CaCertificateFile);
        var baseUri = new Uri(target.ApiUri.GetLeftPart(UriPartial.Authority));
        var client = new XksClient(http, baseUri, target.ApiUri.AbsolutePath, target.Region, target.AccessKeyId, target.Secret, TimeProvider.System);
        var setup = new BenchSetup(client, target, cancellationToken);
        var backend = await setup.BackendAsync().ConfigureAwait(false);
        var request = await setup.RequestAsync(settings).ConfigureAwait(false);
        if (!settings.Json)
        {
            Console.WriteLine($"Sending {settings.OperationName} requests, {settings.Concurrency} at a time: {settings.Warmup.TotalSeconds} s warm-up, then {settings.Duration.TotalSeconds} s measured (Ctrl+C stops early)...");
        }

        var result = await new BenchRunner(client, request, settings).RunAsync(cancellationToken).ConfigureAwait(false);
        BenchReport.Write(settings, target, backend, result);
        return 0;
    }
}
