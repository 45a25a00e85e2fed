using System.CommandLine;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok keys retire ID --version N</c>: destroys one version's material, only when confirmed.</summary>
internal static partial class KeyVersionCommands
{
    public static Command Retire()
    {
        var (config, id, backend) = (CommonOptions.Config(), KeyId(), CommonOptions.Backend());
        var version = new Option<int>("--version") { Description = "The version to retire (not the current one).", Required = true };
        var confirm = new Option<bool>("--confirm") { Description = "Retire without asking; otherwise type the key id when asked (a terminal is needed)." };
        var command = new Command("retire", "Destroy one version's key material: its ciphertexts can never be decrypted again.")
        {
            id, version, confirm, backend, config,
        };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            using var keys = access.OpenKeyAdmin(result.GetValue(backend));
            var (keyId, number) = (result.GetValue(id)!, result.GetValue(version));
            keys.RequireRetirable(keyId, number);
            var uses = UsesOf(access, keyId);
            var encrypts = uses is null ? "an unknown number of (no audit trail)" : $"{uses.GetValueOrDefault(number).Encrypts}";
            Console.WriteLine($"Retiring version {number} of key '{keyId}' destroys its material: the {encrypts} audit-recorded encryption(s) "
                + "under it can never be decrypted again (InvalidCiphertextException).");
            if (!result.GetValue(confirm) && !ConfirmedInteractively(keyId))
            {
                throw new CliException($"not retired: re-run with --confirm, or type '{keyId}' when asked (needs a terminal)");
            }

            var retired = keys.Retire(keyId, number);
            Console.WriteLine($"Key '{keyId}': version {retired.Version} retired at {retired.RetiredAt:u}.");
            return 0;
        }));
        return command;
    }

    private static bool ConfirmedInteractively(string keyId)
    {
        if (Console.IsInputRedirected)
        {
            return false;
        }

        Console.Write($"Type the key id ({keyId}) to confirm: ");
        return string.Equals(Console.ReadLine()?.Trim(), keyId, StringComparison.Ordinal);
    }
}
