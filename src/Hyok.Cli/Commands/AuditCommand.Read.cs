using System.CommandLine;
using Hyok.Auditing;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok audit tail|search|export</c>.</summary>
internal static partial class AuditCommand
{
    private static Command Tail()
    {
        var (config, directory, json) = (CommonOptions.Config(), DirectoryOption(), JsonOption());
        var count = new Option<int>("--lines", "-n") { Description = "How many of the last records to show.", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new records as they are written (Ctrl+C to stop)." };
        var command = new Command("tail", "Show the last records; --follow keeps printing new ones.") { count, follow, json, directory, config };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var reader = new AuditTrailReader(ResolveDirectory(result.GetValue(directory), result.GetValue(config)));
            var printer = new AuditRecordPrinter(Console.Out, result.GetValue(json));
            var last = reader.Tail(Math.Max(0, result.GetValue(count)));
            printer.PrintAll(last);
            if (result.GetValue(follow))
            {
                var after = last.Count > 0 ? last[^1] : reader.Tail(1) is [var newest] ? newest : null;
                await foreach (var record in reader.FollowAsync(after, TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false))
                {
                    printer.Print(record);
                    await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            return 0;
        }));
        return command;
    }

    private static Command Search()
    {
        var (config, directory, json, since, until) = (CommonOptions.Config(), DirectoryOption(), JsonOption(), SinceOption(), UntilOption());
        var requestId = new Option<string?>("--request-id") { Description = "The kmsRequestId (as in CloudTrail's requestID)." };
        var key = new Option<string?>("--key") { Description = "An externalKeyId or KMS key ARN." };
        var principal = new Option<string?>("--principal") { Description = "The awsPrincipalArn." };
        var outcome = new Option<string?>("--outcome") { Description = "OK, or an error name such as AccessDeniedException." };
        var keyStore = new Option<string?>("--key-store", "-s") { Description = "The logical key store." };
        var command = new Command("search", "Find records by request id, key, principal, time range, outcome or key store.")
        {
            requestId, key, principal, since, until, outcome, keyStore, json, directory, config,
        };
        command.SetAction(result => CliAction.Run(() =>
        {
            var filter = new AuditFilter
            {
                KmsRequestId = result.GetValue(requestId),
                Key = result.GetValue(key),
                Principal = result.GetValue(principal),
                Outcome = result.GetValue(outcome),
                KeyStore = result.GetValue(keyStore),
                Since = AuditTimeArgument.Parse(result.GetValue(since), "--since"),
                Until = AuditTimeArgument.Parse(result.GetValue(until), "--until"),
            };
            var reader = new AuditTrailReader(ResolveDirectory(result.GetValue(directory), result.GetValue(config)));
            new AuditRecordPrinter(Console.Out, result.GetValue(json)).PrintAll(reader.Search(filter));
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var (config, directory, since, until) = (CommonOptions.Config(), DirectoryOption(), SinceOption(), UntilOption());
        var command = new Command("export", "Write the records (raw JSON lines, as stored) to stdout, optionally limited to a time range.") { since, until, directory, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            var filter = new AuditFilter
            {
                Since = AuditTimeArgument.Parse(result.GetValue(since), "--since"),
                Until = AuditTimeArgument.Parse(result.GetValue(until), "--until"),
            };
            var reader = new AuditTrailReader(ResolveDirectory(result.GetValue(directory), result.GetValue(config)));
            using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            new AuditRecordPrinter(output, json: true).PrintAll(reader.Search(filter));
            return 0;
        }));
        return command;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print the raw JSON lines instead of a table." };

    private static Option<string?> SinceOption() => new("--since") { Description = "From this time: ISO-8601 (UTC unless an offset is given) or an age such as 15m, 2h, 7d." };

    private static Option<string?> UntilOption() => new("--until") { Description = "Up to this time (inclusive): ISO-8601 or an age such as 1h." };
}
