using System.Runtime.CompilerServices;
using Hyok.Auditing;
using Npgsql;

namespace Hyok.Storage.PostgreSql;

/// <summary><c>tail --follow</c>: records committed after a tail, of every instance (new ones too), until cancelled.</summary>
public sealed partial class PostgreSqlAuditReader
{
    /// <summary>Per instance (found by the loose index scan), its rows after the seq already seen: an index range scan each.</summary>
    private static readonly string After = InstanceIds + $"""
        , known(id, s) AS (SELECT * FROM unnest(@ids::text[], @seqs::bigint[]))
        SELECT a.instance_id, a.seq, a.line, a.line_time
        FROM ids LEFT JOIN known ON known.id = ids.id
        CROSS JOIN LATERAL (SELECT instance_id, seq, line, line_time FROM audit_records r
            WHERE r.instance_id = ids.id AND r.seq > coalesce(known.s, 0) ORDER BY r.seq LIMIT {BatchSize}) a
        WHERE ids.id IS NOT NULL AND (@instance::text IS NULL OR ids.id = @instance::text)
        ORDER BY a.line_time, a.instance_id COLLATE "C", a.seq
        """;

    /// <summary>Yields each record committed after <paramref name="ends"/> (from <see cref="TailAsync"/>), polling every
    /// <paramref name="pollInterval"/>, in time order within each poll; ends when cancelled.</summary>
    /// <exception cref="HyokStoreException">The database cannot be reached or read.</exception>
    public async IAsyncEnumerable<AuditRecord> FollowAsync(IReadOnlyDictionary<string, long> ends, TimeSpan pollInterval, string? instanceId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ends);
        var seen = new Dictionary<string, long>(ends, StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            var command = new NpgsqlCommand(After);
            command.Parameters.AddWithValue("ids", seen.Keys.ToArray());
            command.Parameters.AddWithValue("seqs", seen.Values.ToArray());
            command.Parameters.AddWithValue("instance", NpgsqlTypes.NpgsqlDbType.Text, (object?)instanceId ?? DBNull.Value);
            List<AuditRow>? rows = null;
            try
            {
                rows = await QueryAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C during a poll.
            }

            if (rows is null)
            {
                yield break;
            }

            foreach (var row in rows)
            {
                seen[row.Instance] = Math.Max(row.Seq, seen.GetValueOrDefault(row.Instance));
                if (Parse(row) is { } record)
                {
                    yield return record;
                }
            }

            if (rows.GroupBy(r => r.Instance).Any(g => g.Count() >= BatchSize))
            {
                continue;
            }

            try
            {
                await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
