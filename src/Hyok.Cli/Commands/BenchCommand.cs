using System.CommandLine;
using System.Diagnostics;
using Hyok.Cli.Bench;
using Hyok.Cli.Bench.Plot;
using Hyok.Cli.Targets;
using Hyok.Client;

namespace Hyok.Cli.Commands;

/// <summary>
/// <c>hyok bench</c>: a load generator that signs every request like KMS (xks-spec.md §7.1), closed loop at a
/// concurrency or open loop at a rate, for measuring the proxy against its SLO (docs/performance.md). Errors are
/// counted, not fatal; exit 1 when setup fails or the SLO verdict is FAIL.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var options = new BenchOptions();
        var command = CommonOptions.CommandWith("bench", "Measure a key store: send signed XKS requests (closed loop from concurrent workers, or open loop at --rate) and print throughput, latency percentiles and, with --rate or --slo-p99-ms, an SLO verdict. Without --url: the embedded default (or --config).", options.All);

        command.Validators.Add(options.Validate);
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
        var requests = await setup.RequestsAsync(settings).ConfigureAwait(false);
        if (!settings.Json)
        {
            var load = settings.OpenLoop ? $"{settings.Rate} a second (open loop)" : $"{settings.Concurrency} at a time";
            Console.WriteLine($"Sending {settings.OperationName} requests, {load}: {settings.Warmup.TotalSeconds} s warm-up, then {settings.Duration.TotalSeconds} s measured (Ctrl+C stops early)...");
        }

        var result = await MeasureAsync(new BenchSender(client, requests, new BenchTally(settings.MaxRequests)), settings, cancellationToken).ConfigureAwait(false);
        var slo = BenchSlo.For(settings);
        BenchReport.Write(settings, target, backend, result, slo);
        if (settings.PlotFile is { } plotFile)
        {
            LatencyPlot.Write(plotFile, new PlotCaption(settings, target, backend, TimeProvider.System.GetUtcNow()), result, slo);
            if (!settings.Json)
            {
                Console.WriteLine($"Plot written to {plotFile}");
            }
        }

        return slo?.Judge(result).Pass is false ? 1 : 0;
    }

    private static async Task<BenchResult> MeasureAsync(BenchSender sender, BenchSettings settings, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var timeline = new BenchTimeline(sender.Tally, settings, settings.Json || settings.Quiet ? null : Console.Error);
        using var stopTimeline = new CancellationTokenSource();
        var points = timeline.RunAsync(start, stopTimeline.Token);
        var result = settings.OpenLoop
            ? await new OpenLoopRunner(sender, settings).RunAsync(start, cancellationToken).ConfigureAwait(false)
            : await new ClosedLoopRunner(sender, settings).RunAsync(start, cancellationToken).ConfigureAwait(false);
        await stopTimeline.CancelAsync().ConfigureAwait(false);
        return result with { Timeline = await points.ConfigureAwait(false) };
    }
}
