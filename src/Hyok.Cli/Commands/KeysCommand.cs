using System.CommandLine;
using Hyok.Keys;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok keys create|list|show|disable|enable</c>: manage keys of the sealed software store.</summary>
internal static class KeysCommand
{
    public static Command Build()
    {
        var keys = new Command("keys", "Manage external keys in the sealed software key store.");
        keys.Subcommands.Add(Create());
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Show());
        keys.Subcommands.Add(ChangeState("disable", KeyState.Disabled, "Disable a key: encrypt and decrypt fail with InvalidStateException; metadata reports DISABLED."));
        keys.Subcommands.Add(ChangeState("enable", KeyState.Enabled, "Enable a key again."));
        return keys;
    }

    private static Command Create()
    {
        var (config, store, id) = (CommonOptions.Config(), CommonOptions.KeyStore(), KeyIdArgument());
        var usage = new Option<string>("--usage", "-u")
        {
            Description = "What the key may do: encrypt-decrypt, encrypt, decrypt or none.",
            DefaultValueFactory = _ => "encrypt-decrypt",
        };
        usage.AcceptOnlyFromAmong("encrypt-decrypt", "encrypt", "decrypt", "none");
        var command = new Command("create", "Create a new AES-256 key, sealed under the master key.") { id, usage, store, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            var key = access.Store.CreateKey(result.GetValue(id)!, access.RequireKeyStore(result.GetValue(store)!), KeyTable.ParseUsage(result.GetValue(usage)!));
            KeyTable.Print([key]);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var (config, store) = (CommonOptions.Config(), new Option<string?>("--key-store", "-s") { Description = "Only keys of this key store." });
        var command = new Command("list", "List keys (never key material).") { store, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            KeyTable.Print(access.Store.ListKeys(access.RequireKeyStoreIfGiven(result.GetValue(store))));
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var (config, id) = (CommonOptions.Config(), KeyIdArgument());
        var command = new Command("show", "Show one key.") { id, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            KeyTable.Print([access.Store.GetKey(result.GetValue(id)!)]);
            return 0;
        }));
        return command;
    }

    private static Command ChangeState(string name, KeyState state, string description)
    {
        var (config, id) = (CommonOptions.Config(), KeyIdArgument());
        var command = new Command(name, description + " A running server applies it within a second.") { id, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            KeyTable.Print([access.Store.SetState(result.GetValue(id)!, state)]);
            return 0;
        }));
        return command;
    }

    private static Argument<string> KeyIdArgument() => new("id") { Description = "External key id: 1-128 of A-Z a-z 0-9 - . _" };
}
