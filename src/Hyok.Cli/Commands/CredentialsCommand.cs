using System.CommandLine;
using System.Globalization;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok credentials add|list|remove</c>: SigV4 credentials per key store (xks-spec.md §7.2, §7.3).</summary>
internal static class CredentialsCommand
{
    public static Command Build()
    {
        var credentials = new Command("credentials", "Manage SigV4 credentials of a key store. Changes apply to a running server within a second.");
        credentials.Subcommands.Add(Add());
        credentials.Subcommands.Add(List());
        credentials.Subcommands.Add(Remove());
        return credentials;
    }

    private static Command Add()
    {
        var (config, store) = (CommonOptions.Config(), CommonOptions.KeyStore());
        var command = new Command("add", "Create a credential and print its secret once (it cannot be shown again).") { store, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            var issued = access.Store.AddCredential(access.RequireKeyStore(result.GetValue(store)!));
            Console.WriteLine($"Key store:          {issued.KeyStore}");
            Console.WriteLine($"Access key id:      {issued.AccessKeyId}");
            Console.WriteLine($"Secret access key:  {issued.Secret}");
            Console.WriteLine("Store the secret now: Hyok will not show it again. Give both to KMS (UpdateCustomKeyStore), then remove the old credential.");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var (config, store) = (CommonOptions.Config(), new Option<string?>("--key-store", "-s") { Description = "Only credentials of this key store." });
        var command = new Command("list", "List access key ids (never secrets).") { store, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            Console.WriteLine($"{"ACCESS KEY ID",-32} {"KEY STORE",-20} CREATED");
            foreach (var credential in access.Store.ListCredentials(access.RequireKeyStoreIfGiven(result.GetValue(store))))
            {
                Console.WriteLine($"{credential.AccessKeyId,-32} {credential.KeyStore,-20} {credential.CreatedAt.ToString("u", CultureInfo.InvariantCulture)}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Remove()
    {
        var (config, store) = (CommonOptions.Config(), CommonOptions.KeyStore());
        var accessKeyId = new Argument<string>("access-key-id") { Description = "The access key id to remove." };
        var command = new Command("remove", "Remove a credential; requests signed with it fail within a second.") { accessKeyId, store, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            using var access = StoreAccess.Open(result.GetValue(config));
            access.Store.RemoveCredential(result.GetValue(store)!, result.GetValue(accessKeyId)!);
            Console.WriteLine($"Removed {result.GetValue(accessKeyId)} from key store {result.GetValue(store)}.");
            return 0;
        }));
        return command;
    }
}
