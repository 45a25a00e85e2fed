using System.Text;
using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// Walks every instance's chain in <c>audit_records</c> in seq order with the file verifier's checks (valid record,
/// seq continuous from 1, prev = SHA-256 of the previous line), and also checks that each row's seq and prev columns
/// match its line. Edits, deletions, reorderings and insertions name the first broken record (instance, seq); removing
/// the newest records of a chain is not detectable without an exported head (docs/audit.md).
/// </summary>
public static class PostgreSqlAuditVerifier
{
    /// <summary>One result per instance with records, ordered by instance id.</summary>
    /// <exception cref="HyokStoreException">The database cannot be reached or read.</exception>
    public static Task<IReadOnlyList<PostgreSqlAuditVerification>> VerifyAsync(PostgreSqlConnector connector, CancellationToken cancellationToken = default) =>
        VerifyAsync(connector, null, cancellationToken);

    /// <summary>The chain of <paramref name="instanceId"/> only (none when it has no records); every chain when null.</summary>
    /// <exception cref="HyokStoreException">The database cannot be reached or read.</exception>
    public static Task<IReadOnlyList<PostgreSqlAuditVerification>> VerifyAsync(PostgreSqlConnector connector, string? instanceId, CancellationToken cancellationToken = default) =>
        VerifyAsync(connector, instanceId, [], cancellationToken);

    /// <summary>
    /// As above, each chain with a signed anchor in <paramref name="anchors"/> (<see cref="PostgreSqlAuditHeads"/>) checked
    /// from that record on, so its older rows may have been deleted (retention); an anchored chain with no rows left fails.
    /// </summary>
    /// <exception cref="HyokStoreException">The database cannot be reached or read.</exception>
    public static async Task<IReadOnlyList<PostgreSqlAuditVerification>> VerifyAsync(PostgreSqlConnector connector, string? instanceId, IReadOnlyCollection<AuditHead> anchors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(anchors);
        var anchorOf = new Dictionary<string, AuditHead>(StringComparer.Ordinal);
        foreach (var anchor in anchors)
        {
            string id = PostgreSqlAuditHeads.InstanceOf(anchor) ?? throw new ArgumentException("not a head of the PostgreSQL trail", nameof(anchors));
            if ((instanceId is null || id == instanceId) && !anchorOf.TryAdd(id, anchor))
            {
                throw new ArgumentException($"two anchors for instance '{id}'", nameof(anchors));
            }
        }

        var results = new List<PostgreSqlAuditVerification>();
        try
        {
            await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                "SELECT instance_id, seq, prev, line FROM audit_records WHERE (@instance::text IS NULL OR instance_id = @instance::text) "
                + "ORDER BY instance_id COLLATE \"C\", seq", connection);
            command.Parameters.AddWithValue("instance", NpgsqlTypes.NpgsqlDbType.Text, (object?)instanceId ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            (string? instance, AuditChainWalk? walk, AuditVerification? failure, long row) = (null, null, null, 0);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string id = reader.GetString(0);
                if (!string.Equals(id, instance, StringComparison.Ordinal))
                {
                    Finish(results, instance, walk, failure);
                    (instance, walk, failure, row) = (id, new AuditChainWalk(null, anchorOf.GetValueOrDefault(id)), null, 0);
                }

                row++;
                failure ??= walk!.CheckLine(Encoding.UTF8.GetBytes(reader.GetString(3)), Source(id), row, (reader.GetInt64(1), reader.GetString(2)));
            }

            Finish(results, instance, walk, failure);
        }
        catch (NpgsqlException e)
        {
            throw connector.Failure("cannot read the audit trail", e);
        }

        foreach (var (id, anchor) in anchorOf.Where(a => !results.Any(r => r.InstanceId == a.Key)))
        {
            results.Add(new PostgreSqlAuditVerification(id, new AuditChainWalk(null, anchor).Finish()));
        }

        return [.. results.OrderBy(r => r.InstanceId, StringComparer.Ordinal)];
    }

    /// <summary>How a problem names where an instance's records are, e.g. <c>audit_records instance 'web-1'</c>
    /// (its "line" is the row's position in seq order).</summary>
    public static string Source(string instanceId) => $"audit_records instance '{instanceId}'";

    private static void Finish(List<PostgreSqlAuditVerification> results, string? instance, AuditChainWalk? walk, AuditVerification? failure)
    {
        if (instance is not null && walk is not null)
        {
            results.Add(new PostgreSqlAuditVerification(instance, failure ?? walk.Finish()));
        }
    }
}
