using System.CommandLine;
using Hyok.Cli.Commands;
using Hyok.Cli.Database;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Fleet;

/// <summary>
/// <c>hyok fleet status [--json]</c>: the instances sharing the PostgreSQL storage (docs/deployment.md "Fleet status and
/// heartbeats"), live or stale by the database clock. With SQLite storage there is no fleet: a usage error (exit 2).
/// </summary>
internal static class FleetCommand
{
    public static Command Build()
    {
        var config = CommonOptions.Config();
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a table." };
        var status = new Command("status", "List the instances with their version, start, last heartbeat (age), load and state, and how many are live.") { json, config };
        status.SetAction((result, cancellationToken) => CliAction.RunAsync(() => StatusAsync(result.GetValue(config), result.GetValue(json), cancellationToken)));
        return new Command("fleet", "The Hyok instances sharing the PostgreSQL storage (Hyok:Storage): versions, heartbeats, load.") { status };
    }

    private static async Task<int> StatusAsync(string? configOption, bool json, CancellationToken cancellationToken)
    {
        var (_, options) = ConfiguredStorage.Load(configOption);
        if (!options.Storage.IsPostgreSql)
        {
            await Console.Error.WriteLineAsync("hyok: the fleet view needs PostgreSQL storage (Hyok:Storage:Provider postgresql, docs/deployment.md); "
                + $"this configuration keeps its state in SQLite ({options.Backend.DatabaseFile}), for one instance.").ConfigureAwait(false);
            return Program.UsageError;
        }

        var storage = options.Storage.PostgreSql;
        await using var connector = PostgreSqlConnector.Create(storage);
        var instances = await FleetInstances.ListAsync(connector, storage.LiveWindow, cancellationToken).ConfigureAwait(false);
        Console.Write(json ? FleetStatusJson.Render(connector.Target, storage.LiveWindow, instances) : FleetStatusTable.Render(connector.Target, storage.LiveWindow, instances));
        return 0;
    }
}
