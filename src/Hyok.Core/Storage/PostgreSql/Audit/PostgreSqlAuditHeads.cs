using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// Signed heads of the fleet's chains (<c>hyok audit head</c>, <c>hyok audit verify --head</c> with PostgreSQL storage):
/// one <see cref="AuditHead"/> per instance whose <see cref="AuditHead.File"/> is <c>postgresql:INSTANCE</c>, so the
/// signature covers the instance too. Shipped off-box, a head makes deleting a chain's newest records detectable:
/// the chain must still hold that record, unchanged (the hash chain vouches for everything before it).
/// </summary>
public static class PostgreSqlAuditHeads
{
    private const string Prefix = "postgresql:";

    /// <summary>The head of <paramref name="instanceId"/>'s chain at <paramref name="head"/>, named for the database trail.</summary>
    public static AuditHead For(string instanceId, AuditHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return head with { File = Prefix + instanceId };
    }

    /// <summary>The instance a database head belongs to; null for a head of a file trail.</summary>
    public static string? InstanceOf(AuditHead head) =>
        head?.File.StartsWith(Prefix, StringComparison.Ordinal) == true ? head.File[Prefix.Length..] : null;

    /// <summary>Null when the instance's chain still holds the head's record unchanged; else what is wrong.</summary>
    /// <exception cref="HyokStoreException">The database cannot be read.</exception>
    public static async Task<string?> CheckAsync(PostgreSqlConnector connector, AuditHead head, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        string instance = InstanceOf(head) ?? throw new ArgumentException("not a head of the PostgreSQL trail", nameof(head));
        try
        {
            await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                "SELECT line FROM audit_records WHERE instance_id = @instance AND seq = @seq", connection);
            command.Parameters.AddWithValue("instance", instance);
            command.Parameters.AddWithValue("seq", head.Seq);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return $"instance '{instance}': record {head.Seq} of the signed head of {AuditChain.FormatTime(head.Time)} is missing: records were removed (truncation)";
            }

            return AuditChain.Hash(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0))) == head.Hash
                ? null
                : $"instance '{instance}': record {head.Seq} differs from the signed head of {AuditChain.FormatTime(head.Time)}: the chain was rewritten";
        }
        catch (NpgsqlException e)
        {
            throw connector.Failure("cannot read the audit trail", e);
        }
    }
}
