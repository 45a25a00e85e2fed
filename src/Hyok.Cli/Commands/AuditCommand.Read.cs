using System.CommandLine;
using Hyok.Auditing;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok audit tail|search|export</c>: over the audit files, or the fleet's records in PostgreSQL (<see cref="IAuditSource"/>).</summary>
internal static partial class AuditCommand
{
    private static Command Tail()
    {
        var (config, directory, json, instance) = (CommonOptions.Config(), DirectoryOption(), JsonOption(), InstanceOption());
        var count = new Option<int>("--lines", "-n") { Description = "How many of the last records to show.", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new records as they are written (Ctrl+C to stop)." };
        var command = new Command("tail", "Show the last records; --follow keeps printing new ones.") { count, follow, json, instance, directory, config };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var source = Open(result, directory, config, instance);
            var printer = new AuditRecordPrinter(Console.Out, result.GetValue(json), source.IsFleet);
            printer.PrintAll(await source.TailAsync(Math.Max(0, result.GetValue(count)), cancellationToken).ConfigureAwait(false));
            if (result.GetValue(follow))
            {
                await foreach (var record in source.FollowAsync(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false))
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
        var (config, directory, json, since, until, instance) = (CommonOptions.Config(), DirectoryOption(), JsonOption(), SinceOption(), UntilOption(), InstanceOption());
        var requestId = new Option<string?>("--request-id") { Description = "The kmsRequestId (as in CloudTrail's requestID)." };
        var key = new Option<string?>("--key") { Description = "An externalKeyId or KMS key ARN." };
        var principal = new Option<string?>("--principal") { Description = "The awsPrincipalArn." };
        var outcome = new Option<string?>("--outcome") { Description = "OK, or an error name such as AccessDeniedException." };
        var keyStore = new Option<string?>("--key-store", "-s") { Description = "The logical key store." };
        var command = new Command("search", "Find records by request id, key, principal, time range, outcome or key store (across the fleet with PostgreSQL storage).")
        {
            requestId, key, principal, since, until, outcome, keyStore, json, instance, directory, config,
        };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async () =>
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
            await using var source = Open(result, directory, config, instance);
            await new AuditRecordPrinter(Console.Out, result.GetValue(json), source.IsFleet).PrintAllAsync(source.SearchAsync(filter, cancellationToken)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var (config, directory, since, until, instance) = (CommonOptions.Config(), DirectoryOption(), SinceOption(), UntilOption(), InstanceOption());
        var command = new Command("export", "Write the records (raw JSON lines, as stored) to stdout, optionally limited to a time range.") { since, until, instance, directory, config };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var filter = new AuditFilter
            {
                Since = AuditTimeArgument.Parse(result.GetValue(since), "--since"),
                Until = AuditTimeArgument.Parse(result.GetValue(until), "--until"),
            };
            await using var source = Open(result, directory, config, instance);
            await using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            await new AuditRecordPrinter(output, json: true).PrintAllAsync(source.SearchAsync(filter, cancellationToken)).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static IAuditSource Open(ParseResult result, Option<string?> directory, Option<string?> config, Option<string?> instance) =>
        AuditTrailLocation.Find(result.GetValue(directory), result.GetValue(config), result.GetValue(instance)).Open(result.GetValue(instance));

    private static Option<bool> JsonOption() => new("--json") { Description = "Print the raw JSON lines instead of a table." };

    private static Option<string?> SinceOption() => new("--since") { Description = "From this time: ISO-8601 (UTC unless an offset is given) or an age such as 15m, 2h, 7d." };

    private static Option<string?> UntilOption() => new("--until") { Description = "Up to this time (inclusive): ISO-8601 or an age such as 1h." };
}
