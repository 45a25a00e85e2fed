using System.CommandLine;
using System.Diagnostics;
using System.Net;
using Hyok.Cli.Conformance;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Commands;

/// <summary>
/// <c>hyok test</c>: the XKS conformance suite (xks-spec.md §12) against any proxy over the network, signed like KMS
/// (docs/conformance.md). Exit 0 when every check that ran passed, 1 on any failure, 2 on a usage error.
/// </summary>
internal static class TestCommand
{
    public static Command Build()
    {
        var options = new TestOptions();
        var command = CommonOptions.CommandWith("test", "Check that an XKS proxy (this one or any other) conforms to the XKS API: one line per check, exit 1 on any failure. Without --endpoint: the embedded default (or --config).", options.Options);

        command.SetAction((result, cancellationToken) => CliAction.RunAsync(() => RunAsync(options, result, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(TestOptions options, ParseResult parsed, CancellationToken cancellationToken)
    {
        XksTarget target;
        HttpClient http;
        try
        {
            target = XksTargets.Resolve(options.Target(parsed));
            http = XksHttp.Create(HttpVersion.Version11, target.CaCertificateFile);
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync($"hyok: {e.Message}").ConfigureAwait(false);
            return Program.UsageError;
        }

        using (http)
        {
            var json = parsed.GetValue(options.Json);
            var probe = new ConformanceProbe(http, target, options.Settings(parsed), TimeProvider.System, cancellationToken);
            if (!json)
            {
                Console.WriteLine($"Testing {target.ApiUri} (Region {target.Region}, key {target.KeyId}) against xks-spec.md §12...");
            }

            var clock = Stopwatch.StartNew();
            var results = await ConformanceRunner.RunAsync(probe, ConformanceSuite.Checks(probe.Settings), r =>
            {
                if (!json)
                {
                    Console.WriteLine(ConformanceText.Line(r));
                }
            }).ConfigureAwait(false);
            var summary = ConformanceSummary.Of(results, clock.Elapsed);
            Console.WriteLine(json ? ConformanceJson.Write(target, results, summary) : ConformanceText.Summary(summary));
            return summary.Passes ? 0 : 1;
        }
    }
}
