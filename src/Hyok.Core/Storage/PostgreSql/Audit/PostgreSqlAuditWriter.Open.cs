using Hyok.Auditing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyok.Storage.PostgreSql;

/// <summary>Starting a writer: resume the instance's chain from the database, then start the loop.</summary>
public sealed partial class PostgreSqlAuditWriter
{
    /// <summary>Resumes the chain of <paramref name="instanceId"/> after its row with the highest seq and starts the writer loop.
    /// The connector stays the caller's (dispose it after the writer).</summary>
    /// <exception cref="AuditUnavailableException">The database cannot be reached or its last record of the chain is damaged.</exception>
    /// <param name="metrics">The server's audit instruments (batch duration and size, failed records), shared with the file trail's.</param>
    public static async Task<PostgreSqlAuditWriter> OpenAsync(PostgreSqlConnector connector, string instanceId,
        ILogger<PostgreSqlAuditWriter>? logger = null, AuditWriteMetrics? metrics = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        (long Seq, string Hash) last;
        try
        {
            await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
            last = await ReadLastAsync(connection, instanceId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDatabaseFault(e))
        {
            throw new AuditUnavailableException($"Cannot open the audit trail of instance '{instanceId}' in PostgreSQL: {Describe(connector, e)}", Scrubbed(connector, e));
        }

        var writer = new PostgreSqlAuditWriter(connector, instanceId, (ILogger?)logger ?? NullLogger.Instance, last) { _metrics = metrics };
        PostgreSqlAuditLog.Resumed(writer._logger, instanceId, last.Seq);

        writer._loop.Start();
        return writer;
    }
}
