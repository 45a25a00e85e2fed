using System.CommandLine;
using System.Globalization;
using Hyok.Authorization;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary>
/// <c>hyok policy push|versions|show|activate|remove</c>: policies kept in the shared database (PostgreSQL storage,
/// docs/policy.md). Every instance of the fleet enforces the new version within a second; every version is kept.
/// </summary>
internal static class PolicyStoreCommands
{
    public static IEnumerable<Command> All() => [Push(), Versions(), Show(), Activate(), Remove()];

    private static Command Push()
    {
        var (config, store) = (CommonOptions.Config(), CommonOptions.KeyStore());
        var file = new Argument<string>("file") { Description = "The policy file (JSON), validated before it is stored." };
        var command = new Command("push", "Store a policy file as the key store's next version, in force on every instance within a second.") { file, store, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            var parse = PolicyFile.Load(result.GetValue(file)!);
            if (!parse.IsValid)
            {
                throw new CliException($"{result.GetValue(file)}: not pushed, the policy is invalid: {string.Join(" ", parse.Errors)}");
            }

            using var access = StoreAccess.Open(result.GetValue(config));
            var pushed = access.Policies.Push(access.RequireKeyStore(result.GetValue(store)!), parse);
            Console.WriteLine($"Key store {pushed.KeyStore}: policy version {pushed.Version} (sha256 {pushed.Sha256}) is in force, mode {PolicyCommand.ModeName(parse.Policy!.Mode)}.");
            return 0;
        }));
        return command;
    }

    private static Command Versions()
    {
        var (config, store) = (CommonOptions.Config(), CommonOptions.KeyStore());
        var command = new Command("versions", "List the stored versions of a key store's policy; * marks the one in force.") { store, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            Console.WriteLine($"  {"VERSION",-8} {"CREATED",-21} SHA256");
            foreach (var version in access.Policies.Versions(access.RequireKeyStore(result.GetValue(store)!)))
            {
                Console.WriteLine($"{(version.IsCurrent ? "*" : " ")} {version.Version,-8} {version.CreatedAt.ToString("u", CultureInfo.InvariantCulture),-21} {version.Sha256}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var (config, store, version) = (CommonOptions.Config(), CommonOptions.KeyStore(), VersionOption("The version to print (default: the one in force)."));
        var command = new Command("show", "Print a stored policy document.") { store, version, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            Console.WriteLine(access.Policies.Document(access.RequireKeyStore(result.GetValue(store)!), result.GetValue(version)));
            return 0;
        }));
        return command;
    }

    private static Command Activate()
    {
        var (config, store, version) = (CommonOptions.Config(), CommonOptions.KeyStore(), VersionOption("The stored version to put in force."));
        version.Required = true;
        var command = new Command("activate", "Put a stored version back in force (roll back or forward); every instance follows within a second.") { store, version, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            var active = access.Policies.Activate(access.RequireKeyStore(result.GetValue(store)!), result.GetValue(version)!.Value);
            Console.WriteLine($"Key store {active.KeyStore}: policy version {active.Version} (sha256 {active.Sha256}) is in force.");
            return 0;
        }));
        return command;
    }

    private static Command Remove()
    {
        var (config, store) = (CommonOptions.Config(), CommonOptions.KeyStore());
        var command = new Command("remove", "Take a key store's policy out of force (only kill switches then apply); its versions are kept.") { store, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            string name = access.RequireKeyStore(result.GetValue(store)!);
            Console.WriteLine(access.Policies.Remove(name) ? $"Key store {name}: no policy is in force now." : $"Key store {name} had no policy in force.");
            return 0;
        }));
        return command;
    }

    private static Option<int?> VersionOption(string description) => new("--version") { Description = description };
}
