using System.CommandLine;
using Hyok.Keys;

namespace Hyok.Cli.Commands;

/// <summary>
/// <c>hyok keys create|list|show|disable|enable|rotate|rotate-due|versions|retire</c>: manage the keys of the configured backend
/// (<c>Hyok:Backend:Type</c>): the sealed software store, or a PKCS#11 token plus Hyok's records.
/// </summary>
internal static class KeysCommand
{
    public static Command Build()
    {
        var keys = new Command("keys", "Manage external keys of the configured backend: the sealed software store or a PKCS#11 token.");
        keys.Subcommands.Add(Create());
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Show());
        keys.Subcommands.Add(ChangeState("disable", KeyState.Disabled, "Disable a key: encrypt and decrypt fail with InvalidStateException; metadata reports DISABLED."));
        keys.Subcommands.Add(ChangeState("enable", KeyState.Enabled, "Enable a key again."));
        keys.Subcommands.Add(KeyVersionCommands.Rotate());
        keys.Subcommands.Add(KeyVersionCommands.RotateDue());
        keys.Subcommands.Add(KeyVersionCommands.Versions());
        keys.Subcommands.Add(KeyVersionCommands.Retire());
        return keys;
    }

    private static Command Create()
    {
        var (config, store, id, backend) = (CommonOptions.Config(), CommonOptions.KeyStore(), KeyIdArgument(), CommonOptions.Backend());
        var usage = new Option<string>("--usage", "-u")
        {
            Description = "What the key may do: encrypt-decrypt, encrypt, decrypt or none.",
            DefaultValueFactory = _ => "encrypt-decrypt",
        };
        usage.AcceptOnlyFromAmong("encrypt-decrypt", "encrypt", "decrypt", "none");
        var command = new Command("create", "Create a new AES-256 key: sealed under the master key, or generated on the PKCS#11 token (non-extractable).") { id, usage, store, backend, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            var keyStore = access.RequireKeyStore(result.GetValue(store)!);
            using var keys = access.OpenKeyAdmin(result.GetValue(backend));
            var key = keys.Create(result.GetValue(id)!, keyStore, KeyTable.ParseUsage(result.GetValue(usage)!));
            KeyTable.Print([key]);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var (config, store, backend) = (CommonOptions.Config(), new Option<string?>("--key-store", "-s") { Description = "Only keys of this key store." }, CommonOptions.Backend());
        var command = new Command("list", "List keys (never key material).") { store, backend, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            var keyStore = access.RequireKeyStoreIfGiven(result.GetValue(store));
            using var keys = access.OpenKeyAdmin(result.GetValue(backend));
            KeyTable.Print(keys.List(keyStore));
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var (config, id, backend) = (CommonOptions.Config(), KeyIdArgument(), CommonOptions.Backend());
        var command = new Command("show", "Show one key.") { id, backend, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            using var keys = access.OpenKeyAdmin(result.GetValue(backend));
            KeyTable.Print([keys.Get(result.GetValue(id)!)]);
            return 0;
        }));
        return command;
    }

    private static Command ChangeState(string name, KeyState state, string description)
    {
        var (config, id, backend) = (CommonOptions.Config(), KeyIdArgument(), CommonOptions.Backend());
        var command = new Command(name, description + " A running server applies it within a second.") { id, backend, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            using var keys = access.OpenKeyAdmin(result.GetValue(backend));
            KeyTable.Print([keys.SetState(result.GetValue(id)!, state)]);
            return 0;
        }));
        return command;
    }

    private static Argument<string> KeyIdArgument() => new("id") { Description = "External key id: 1-128 of A-Z a-z 0-9 - . _" };
}
