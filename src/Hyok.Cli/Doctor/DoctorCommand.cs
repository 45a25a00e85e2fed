using System.CommandLine;
using Hyok.Cli.Commands;

namespace Hyok.Cli.Doctor;

/// <summary>
/// <c>hyok doctor</c>: checks a deployment the way KMS will see it, before a five-minute ConnectCustomKeyStore
/// (docs/operations.md "Before ConnectCustomKeyStore"). Exit 0 when nothing failed (warnings allowed), 1 on any
/// failure, 2 on a usage error.
/// </summary>
internal static class DoctorCommand
{
    public static Command Build()
    {
        var options = new DoctorOptions();
        var command = CommonOptions.CommandWith("doctor",
            "Check an XKS endpoint as KMS will see it (name, port, path, credential, TLS, certificate, clock, latency, health): a PASS/WARN/FAIL table with the fix, exit 1 on any failure.",
            options.All);
        command.SetAction((parsed, cancellationToken) => CliAction.RunAsync(() => RunAsync(options, parsed, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(DoctorOptions options, ParseResult parsed, CancellationToken cancellationToken)
    {
        DoctorTarget target;
        try
        {
            target = options.Target(parsed);
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync($"hyok: {e.Message}").ConfigureAwait(false);
            return Program.UsageError;
        }

        var json = parsed.GetValue(options.Json);
        if (!json)
        {
            Console.WriteLine(DoctorText.Header(target));
        }

        var findings = await new DoctorRun(target, TimeProvider.System, f =>
        {
            if (!json)
            {
                Console.WriteLine(DoctorText.Row(f));
            }
        }).RunAsync(cancellationToken).ConfigureAwait(false);
        var summary = DoctorSummary.Of(findings);
        Console.WriteLine(json ? DoctorJson.Write(target, findings, summary) : DoctorText.Summary(summary));
        return summary.Ready ? 0 : 1;
    }
}
