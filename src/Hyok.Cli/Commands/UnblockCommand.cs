using System.CommandLine;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok unblock KIND VALUE</c> or <c>hyok unblock --id N</c>: remove a kill switch.</summary>
internal static class UnblockCommand
{
    public static Command Build()
    {
        var (config, kind, value) = (CommonOptions.Config(), BlockArguments.Kind(optional: true), BlockArguments.Value(optional: true));
        var id = new Option<long?>("--id") { Description = "The id of the block (see 'hyok blocks'), instead of KIND VALUE." };
        var command = new Command("unblock", "Remove a block. Requests are served again on running servers within 1 second.") { kind, value, id, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            var (kindText, target, blockId) = (result.GetValue(kind), result.GetValue(value), result.GetValue(id));
            bool anyTarget = kindText is not null || target is not null;
            if (blockId is not null ? anyTarget : kindText is null || target is null)
            {
                throw new CliException("Give either KIND VALUE (e.g. 'hyok unblock key my-key') or --id N.");
            }

            using var access = StoreAccess.Open(result.GetValue(config));
            var records = new BlockRecords(access.Database);
            var removed = blockId is { } n
                ? records.Remove(n) ?? throw new CliException($"No block with id {n} (see 'hyok blocks --all').")
                : records.Remove(BlockArguments.ParseKind(kindText!), target!)
                    ?? throw new CliException($"No block on {kindText} '{target}' (see 'hyok blocks --all').");
            Console.WriteLine($"Removed block {removed.Id} on {BlockTable.Target(removed)}. Takes effect on running servers within 1 second.");
            return 0;
        }));
        return command;
    }
}
