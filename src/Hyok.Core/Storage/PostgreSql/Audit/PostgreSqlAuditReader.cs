using System.Runtime.CompilerServices;
using System.Text;
using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary>
/// Reads <c>audit_records</c> back for <c>hyok audit search|tail|export</c> (docs/audit.md): across the fleet in time
/// order (the line's time, then instance id, then seq; index <c>audit_records_by_time</c>), or one instance's chain in
/// seq order. Reads in batches (keyset pagination), so memory stays bounded whatever the table's size. Each record's
/// <see cref="AuditRecord.File"/> is its instance id and <see cref="AuditRecord.Line"/> its seq. Rows that are not valid
/// records are skipped, as the file reader skips such lines: <see cref="PostgreSqlAuditVerifier"/> names them.
/// </summary>
public sealed partial class PostgreSqlAuditReader(PostgreSqlConnector connector)
{
    /// <summary>Rows per query.</summary>
    internal const int BatchSize = 1000;

    private const string FleetOrder = "ORDER BY line_time, instance_id COLLATE \"C\", seq";

    /// <summary>The records matching <paramref name="filter"/> (its own <see cref="AuditFilter.Matches"/>, the file trail's),
    /// of every instance in time order, or of <paramref name="instanceId"/> in seq order.</summary>
    /// <exception cref="HyokStoreException">The database cannot be reached or read.</exception>
    public async IAsyncEnumerable<AuditRecord> SearchAsync(AuditFilter filter, string? instanceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (string Time, string Instance, long Seq)? after = null;
        while (true)
        {
            var batch = await QueryAsync(SearchCommand(filter, instanceId, after), cancellationToken).ConfigureAwait(false);
            foreach (var row in batch)
            {
                if (Parse(row) is { } record && filter.Matches(record))
                {
                    yield return record;
                }
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = (batch[^1].Time ?? "", batch[^1].Instance, batch[^1].Seq);
        }
    }

    /// <summary>One batch after <paramref name="after"/>; the time range pre-filters on the indexed time (then the filter decides).</summary>
    private static NpgsqlCommand SearchCommand(AuditFilter filter, string? instanceId, (string Time, string Instance, long Seq)? after)
    {
        var command = new NpgsqlCommand();
        var where = new List<string> { "line_time IS NOT NULL" };
        if (filter.Since is { } since)
        {
            where.Add("line_time >= @since");
            command.Parameters.AddWithValue("since", AuditChain.FormatTime(since));
        }

        if (filter.Until is { } until)
        {
            where.Add("line_time <= @until");
            command.Parameters.AddWithValue("until", AuditChain.FormatTime(until));
        }

        if (instanceId is not null)
        {
            where.Add("instance_id = @instance");
            command.Parameters.AddWithValue("instance", instanceId);
        }

        if (after is { } a)
        {
            where.Add(instanceId is not null ? "seq > @seq" : "(line_time, instance_id COLLATE \"C\", seq) > (@time, @after COLLATE \"C\", @seq)");
            command.Parameters.AddWithValue("time", a.Time);
            command.Parameters.AddWithValue("after", a.Instance);
            command.Parameters.AddWithValue("seq", a.Seq);
        }

        command.CommandText = $"SELECT instance_id, seq, line, line_time FROM audit_records WHERE {string.Join(" AND ", where)} "
            + $"{(instanceId is not null ? "ORDER BY seq" : FleetOrder)} LIMIT {BatchSize}";
        return command;
    }

    private static AuditRecord? Parse(AuditRow row) =>
        AuditRecordParser.TryParse(Encoding.UTF8.GetBytes(row.Line), row.Instance, row.Seq, out _) is { } record && record.Seq == row.Seq ? record : null;
}
