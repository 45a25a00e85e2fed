using System.CommandLine;
using Hyok.Auditing;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok audit verify [--head FILE] [--instance ID]</c> and <c>hyok audit head [--out FILE]</c>.</summary>
internal static partial class AuditCommand
{
    private static Command Verify()
    {
        var (config, directory, instance) = (CommonOptions.Config(), DirectoryOption(), InstanceOption());
        var headFile = new Option<string?>("--head") { Description = "A signed head from `hyok audit head`: the trail must still contain that record unchanged (detects truncation)." };
        var command = new Command("verify", "Check the whole hash chain (every instance's chain with PostgreSQL storage); exit 0 when intact, 1 naming the first broken record.")
        {
            headFile, instance, directory, config,
        };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var location = AuditTrailLocation.Find(result.GetValue(directory), result.GetValue(config), result.GetValue(instance));
            if (location.PostgreSql is { } storage)
            {
                return result.GetValue(headFile) is null
                    ? await VerifyFleetAsync(storage, result.GetValue(instance), cancellationToken).ConfigureAwait(false)
                    : throw new CliException("--head applies to a file trail (--dir DIR); signed heads of the chains in PostgreSQL do not exist yet (docs/audit.md).");
            }

            var head = result.GetValue(headFile) is { } file ? ReadSignedHead(file, result.GetValue(config)) : null;
            var verification = AuditVerifier.Verify(location.Directory!, head);
            if (!verification.IsValid)
            {
                throw new CliException($"audit trail broken: {verification.Problem}");
            }

            Console.WriteLine($"OK: {verification.Count} records, chain intact. Head: record {verification.Head.Seq} {verification.Head.Hash} ({EmptyAsNone(verification.Head.File)}).");
            if (head is not null)
            {
                Console.WriteLine($"Signed head of {AuditChain.FormatTime(head.Time)} (record {head.Seq}) is still in the trail, unchanged.");
            }

            return 0;
        }));
        return command;
    }

    private static Command Head()
    {
        var (config, directory) = (CommonOptions.Config(), DirectoryOption());
        var output = new Option<string?>("--out", "-o") { Description = "Write the head to this file instead of stdout." };
        var command = new Command("head", "Verify the chain, then print its head signed with a key derived from the master key; ship it off-box.") { output, directory, config };
        command.SetAction(result => CliAction.Run(() =>
        {
            var folder = ResolveDirectory(result.GetValue(directory), result.GetValue(config), "head");
            var verification = AuditVerifier.Verify(folder);
            if (!verification.IsValid)
            {
                throw new CliException($"refusing to sign the head of a broken audit trail: {verification.Problem}");
            }

            using var access = StoreAccess.Open(result.GetValue(config));
            using var signer = access.OpenAuditHeadSigner();
            var json = signer.Sign(verification.Head with { Time = TimeProvider.System.GetUtcNow() }).ToJson();
            if (result.GetValue(output) is { } file)
            {
                File.WriteAllText(file, json + "\n");
                Console.WriteLine($"Wrote the head (record {verification.Head.Seq}) to {Path.GetFullPath(file)}.");
            }
            else
            {
                Console.WriteLine(json);
            }

            return 0;
        }));
        return command;
    }

    private static AuditHead ReadSignedHead(string file, string? config)
    {
        var head = AuditHead.Parse(File.ReadAllText(file));
        using var access = StoreAccess.Open(config);
        using var signer = access.OpenAuditHeadSigner();
        return signer.IsValid(head)
            ? head
            : throw new CliException($"the head in {file} has no valid signature (edited, or signed with another master key)");
    }

    private static string EmptyAsNone(string file) => file.Length == 0 ? "empty trail" : file;
}
