using Hyok.Auditing;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok audit verify</c> on the fleet's trail in PostgreSQL: every instance's chain (or <c>--instance</c>'s).</summary>
internal static partial class AuditCommand
{
    private static async Task<int> VerifyFleetAsync(PostgreSqlStorageOptions storage, string? instanceId, IReadOnlyList<AuditHead> heads, IReadOnlyList<AuditHead> anchors, CancellationToken cancellationToken)
    {
        await using var connector = PostgreSqlConnector.Create(storage);
        var results = await PostgreSqlAuditVerifier.VerifyAsync(connector, instanceId, anchors, cancellationToken).ConfigureAwait(false);
        if (results.Count == 0)
        {
            Console.WriteLine(instanceId is null
                ? $"OK: no audit records in {connector.Target} yet."
                : throw new CliException($"instance '{instanceId}' has no audit records in {connector.Target}."));
            return 0;
        }

        foreach (var chain in results.Where(r => r.IsValid))
        {
            var head = chain.Result.Head;
            Console.WriteLine($"OK: instance '{chain.InstanceId}': {chain.Result.Count} records{FromAnchor(chain.Result)}, chain intact. Head: record {head.Seq} {head.Hash}.");
        }

        var broken = results.Where(r => !r.IsValid).Select(r => $"audit trail broken in instance '{r.InstanceId}': {r.Result.Problem}").ToList();
        if (broken.Count > 0)
        {
            throw new CliException(string.Join(Environment.NewLine + "hyok: ", broken));
        }

        Console.WriteLine($"OK: {results.Sum(r => r.Result.Count)} records in {results.Count} instance chain(s) in {connector.Target}, every chain intact.");
        var truncated = new List<string>();
        foreach (var head in heads.Where(h => instanceId is null || PostgreSqlAuditHeads.InstanceOf(h) == instanceId))
        {
            if (await PostgreSqlAuditHeads.CheckAsync(connector, head, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                truncated.Add($"audit trail broken: {problem}");
            }
            else
            {
                Console.WriteLine($"Signed head of {AuditChain.FormatTime(head.Time)} (instance '{PostgreSqlAuditHeads.InstanceOf(head)}', record {head.Seq}) is still in the trail, unchanged.");
            }
        }

        return truncated.Count == 0 ? 0 : throw new CliException(string.Join(Environment.NewLine + "hyok: ", truncated));
    }

    /// <summary>The head of every instance's chain (those with an anchor checked from it), refusing when any chain is broken.</summary>
    private static async Task<List<AuditHead>> FleetHeadsAsync(PostgreSqlStorageOptions storage, IReadOnlyList<AuditHead> anchors, CancellationToken cancellationToken)
    {
        await using var connector = PostgreSqlConnector.Create(storage);
        var results = await PostgreSqlAuditVerifier.VerifyAsync(connector, null, anchors, cancellationToken).ConfigureAwait(false);
        return results.FirstOrDefault(r => !r.IsValid) is { } broken
            ? throw new CliException($"refusing to sign the heads of a broken audit trail: instance '{broken.InstanceId}': {broken.Result.Problem}")
            : [.. results.Select(r => PostgreSqlAuditHeads.For(r.InstanceId, r.Result.Head))];
    }
}
