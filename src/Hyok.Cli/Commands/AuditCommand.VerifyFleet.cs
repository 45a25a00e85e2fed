using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Commands;

/// <summary><c>hyok audit verify</c> on the fleet's trail in PostgreSQL: every instance's chain (or <c>--instance</c>'s).</summary>
internal static partial class AuditCommand
{
    private static async Task<int> VerifyFleetAsync(PostgreSqlStorageOptions storage, string? instanceId, CancellationToken cancellationToken)
    {
        await using var connector = PostgreSqlConnector.Create(storage);
        var results = await PostgreSqlAuditVerifier.VerifyAsync(connector, instanceId, cancellationToken).ConfigureAwait(false);
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
            Console.WriteLine($"OK: instance '{chain.InstanceId}': {chain.Result.Count} records, chain intact. Head: record {head.Seq} {head.Hash}.");
        }

        var broken = results.Where(r => !r.IsValid).Select(r => $"audit trail broken in instance '{r.InstanceId}': {r.Result.Problem}").ToList();
        if (broken.Count > 0)
        {
            throw new CliException(string.Join(Environment.NewLine + "hyok: ", broken));
        }

        Console.WriteLine($"OK: {results.Sum(r => r.Result.Count)} records in {results.Count} instance chain(s) in {connector.Target}, every chain intact.");
        return 0;
    }
}
