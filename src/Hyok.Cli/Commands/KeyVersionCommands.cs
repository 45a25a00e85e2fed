using System.CommandLine;
using Hyok.Auditing;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok keys rotate|rotate-due|versions|retire</c>: key versions (decision 0010, docs/key-rotation.md).</summary>
internal static partial class KeyVersionCommands
{
    public static Command Rotate()
    {
        var (config, id, backend) = (CommonOptions.Config(), KeyId(), CommonOptions.Backend());
        var every = new Option<string?>("--every") { Description = "Instead of rotating now, set a schedule: Nd (e.g. 365d) or off. hyok keys rotate-due acts on it." };
        var command = new Command("rotate", "Make a new key version current for Encrypt; older versions keep decrypting. A running server applies it within a second.")
        {
            id, every, backend, config,
        };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            using var keys = access.OpenKeyAdmin(result.GetValue(backend));
            var keyId = result.GetValue(id)!;
            if (result.GetValue(every) is { } text)
            {
                var interval = RotationInterval.Parse(text);
                keys.SetSchedule(keyId, interval);
                Console.WriteLine($"Key '{keyId}': rotation schedule {RotationInterval.Format(interval)}.");
                return 0;
            }

            var version = keys.Rotate(keyId);
            Console.WriteLine($"Key '{keyId}': version {version.Version} is now current; older versions still decrypt.");
            return 0;
        }));
        return command;
    }

    public static Command RotateDue()
    {
        var (config, backend) = (CommonOptions.Config(), CommonOptions.Backend());
        var command = new Command("rotate-due", "Rotate every key whose schedule (rotate --every) is due; run it from a daily timer.") { backend, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            using var keys = access.OpenKeyAdmin(result.GetValue(backend));
            var rotated = keys.RotateDue();
            foreach (var (keyId, version) in rotated)
            {
                Console.WriteLine($"Key '{keyId}': version {version.Version} is now current.");
            }

            Console.WriteLine($"{rotated.Count} key(s) rotated.");
            return 0;
        }));
        return command;
    }

    public static Command Versions()
    {
        var (config, id, backend) = (CommonOptions.Config(), KeyId(), CommonOptions.Backend());
        var command = new Command("versions", "List a key's versions with creation time, state and use counts from the audit trail.") { id, backend, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            using var keys = access.OpenKeyAdmin(result.GetValue(backend));
            var keyId = result.GetValue(id)!;
            var versions = keys.Versions(keyId);
            var uses = UsesOf(access, keyId);
            Console.WriteLine($"Key '{keyId}', rotation schedule {RotationInterval.Format(keys.GetSchedule(keyId))}.");
            KeyVersionTable.Print(versions, uses);
            if (uses is null)
            {
                Console.WriteLine($"No audit trail at {access.Options.Audit.Directory}: use counts unknown.");
            }

            return 0;
        }));
        return command;
    }

    private static Argument<string> KeyId() => new("id") { Description = "External key id: 1-128 of A-Z a-z 0-9 - . _" };

    /// <summary>Use counts per version from the configured audit trail; null when there is no trail.</summary>
    private static IReadOnlyDictionary<int, (long Encrypts, long Decrypts)>? UsesOf(StoreAccess access, string keyId) =>
        Directory.Exists(access.Options.Audit.Directory)
            ? KeyVersionUsage.Count(new AuditTrailReader(access.Options.Audit.Directory), keyId)
            : null;
}
