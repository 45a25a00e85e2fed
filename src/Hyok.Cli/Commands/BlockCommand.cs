using System.CommandLine;
using Hyok.Authorization;
using Hyok.Keys.Hardware;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok block KIND VALUE [--until T | --for D] [--reason TEXT]</c>: set a kill switch (docs/kill-switches.md).</summary>
internal static class BlockCommand
{
    public static Command Build()
    {
        var (config, kind, value) = (CommonOptions.Config(), BlockArguments.Kind(), BlockArguments.Value());
        var until = new Option<string?>("--until") { Description = "End the block at this time, e.g. 2026-12-01T00:00:00Z (UTC unless an offset is given)." };
        var duration = new Option<string?>("--for") { Description = "End the block after this long: 30m, 2h, 1d, 1h30m (units s, m, h, d, w)." };
        var reason = new Option<string?>("--reason", "-r") { Description = "A note shown by 'hyok blocks'." };
        var command = new Command(
            "block",
            "Refuse requests for a key or a key store (InvalidStateException) or from a principal or service (AccessDeniedException). " +
            "Blocking a blocked target again replaces its end and reason. Takes effect on running servers within 1 second and survives restarts.")
        {
            kind, value, until, duration, reason, config,
        };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            var blockKind = BlockArguments.ParseKind(result.GetValue(kind)!);
            var target = result.GetValue(value)!;
            if (blockKind == BlockKind.KeyStore)
            {
                access.RequireKeyStore(target);
            }

            var end = BlockTime.End(result.GetValue(until), result.GetValue(duration), TimeProvider.System.GetUtcNow());
            var (block, updated) = new BlockRecords(access.Database).Set(blockKind, target, end, result.GetValue(reason));
            if (blockKind == BlockKind.Key && !KeyExists(access, target))
            {
                Console.Error.WriteLine($"hyok: warning: no key '{target}' exists (yet); the block applies once it does.");
            }

            Console.WriteLine(updated
                ? $"Updated block {block.Id}: {BlockTable.Target(block)} is now blocked {BlockTable.End(block)}."
                : $"Blocked {BlockTable.Target(block)} {BlockTable.End(block)} (block {block.Id}).");
            if (block.Reason is not null)
            {
                Console.WriteLine($"Reason: {block.Reason}");
            }

            Console.WriteLine($"Requests get {block.ErrorCode}. Takes effect on running servers within 1 second.");
            return 0;
        }));
        return command;
    }

    private static bool KeyExists(StoreAccess access, string id) =>
        access.Store.ListKeys().Any(k => k.Id == id) || new HardwareKeyRecords(access.Database).Find(id) is not null;
}
