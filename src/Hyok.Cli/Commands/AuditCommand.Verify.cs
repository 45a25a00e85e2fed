using System.CommandLine;
using Hyok.Auditing;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok audit verify [--head FILE] [--from FILE] [--instance ID]</c> and <c>hyok audit head [--from FILE] [--out FILE]</c>.</summary>
internal static partial class AuditCommand
{
    private static Command Verify()
    {
        var (config, directory, instance) = (CommonOptions.Config(), DirectoryOption(), InstanceOption());
        var headFile = new Option<string?>("--head") { Description = "A signed head from `hyok audit head`: the trail must still contain that record unchanged (detects truncation)." };
        var anchorFile = AnchorOption();
        var command = new Command("verify", "Check the whole hash chain (every instance's chain with PostgreSQL storage); exit 0 when intact, 1 naming the first broken record.")
        {
            headFile, anchorFile, instance, directory, config,
        };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var location = AuditTrailLocation.Find(result.GetValue(directory), result.GetValue(config), result.GetValue(instance));
            var fleet = location.PostgreSql is not null;
            List<AuditHead> heads, anchors;
            using (var signed = new AuditHeadFiles(result.GetValue(config))) // the master key is needed only to check signatures
            {
                heads = result.GetValue(headFile) is { } h ? (fleet ? signed.ReadFleetHeads(h) : [signed.ReadFileHead(h)]) : [];
                anchors = result.GetValue(anchorFile) is { } a ? (fleet ? signed.ReadFleetAnchors(a) : [signed.ReadFileHead(a)]) : [];
            }

            if (location.PostgreSql is { } storage)
            {
                return await VerifyFleetAsync(storage, result.GetValue(instance), heads, anchors, cancellationToken).ConfigureAwait(false);
            }

            var head = heads.SingleOrDefault();
            var verification = AuditVerifier.Verify(location.Directory!, head, anchors.SingleOrDefault());
            if (!verification.IsValid)
            {
                throw new CliException($"audit trail broken: {verification.Problem}");
            }

            Console.WriteLine($"OK: {verification.Count} records{FromAnchor(verification)}, chain intact. Head: record {verification.Head.Seq} {verification.Head.Hash} ({EmptyAsNone(verification.Head.File)}).");
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
        var anchorFile = AnchorOption();
        var command = new Command("head", "Verify the chain (every instance's with PostgreSQL storage), then print its head (one per instance) signed with a key derived from the master key; ship it off-box.") { output, anchorFile, directory, config };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var location = AuditTrailLocation.Find(result.GetValue(directory), result.GetValue(config));
            using var signed = new AuditHeadFiles(result.GetValue(config));
            var signer = signed.Signer;
            var now = TimeProvider.System.GetUtcNow();
            var from = result.GetValue(anchorFile);
            IReadOnlyList<AuditHead> heads = location.PostgreSql is { } storage
                ? await FleetHeadsAsync(storage, from is null ? [] : signed.ReadFleetAnchors(from), cancellationToken).ConfigureAwait(false)
                : [FileHead(location.Directory!, from is null ? null : signed.ReadFileHead(from))];
            var lines = heads.Select(h => signer.Sign(h with { Time = now }).ToJson()).ToList();
            if (result.GetValue(output) is { } file)
            {
                File.WriteAllText(file, string.Concat(lines.Select(l => l + "\n")));
                Console.WriteLine($"Wrote {string.Join(", ", heads.Select(h => $"the head (record {h.Seq}{(PostgreSqlAuditHeads.InstanceOf(h) is { } i ? $" of instance '{i}'" : "")})"))} to {Path.GetFullPath(file)}.");
            }
            else
            {
                lines.ForEach(Console.WriteLine);
            }

            return 0;
        }));
        return command;
    }

    private static AuditHead FileHead(string folder, AuditHead? anchor)
    {
        var verification = AuditVerifier.Verify(folder, anchor: anchor);
        return verification.IsValid
            ? verification.Head
            : throw new CliException($"refusing to sign the head of a broken audit trail: {verification.Problem}");
    }

    private static string EmptyAsNone(string file) => file.Length == 0 ? "empty trail" : file;
}
