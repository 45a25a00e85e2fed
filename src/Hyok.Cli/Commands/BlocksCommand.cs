using System.CommandLine;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok blocks [--all] [--json]</c>: list the kill switches.</summary>
internal static class BlocksCommand
{
    public static Command Build()
    {
        var config = CommonOptions.Config();
        var all = new Option<bool>("--all", "-a") { Description = "Also list expired blocks (state 'expired')." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var command = new Command("blocks", "List the blocks in force (id, kind, value, state, until, created, reason).") { all, json, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            var now = TimeProvider.System.GetUtcNow();
            var blocks = new BlockRecords(access.Database).List().Where(b => result.GetValue(all) || b.IsActiveAt(now)).ToList();
            if (result.GetValue(json))
            {
                Console.WriteLine(BlockTable.Json(blocks, now));
            }
            else
            {
                BlockTable.Print(blocks, now);
            }

            return 0;
        }));
        return command;
    }
}
