using Hyok.Auditing;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Commands;

/// <summary>The fleet's <c>audit_records</c> (<see cref="PostgreSqlAuditReader"/>): every instance, or <c>--instance</c>.</summary>
internal sealed class PostgreSqlAuditSource(PostgreSqlConnector connector, string? instanceId) : IAuditSource
{
    private readonly PostgreSqlAuditReader _reader = new(connector);
    private IReadOnlyDictionary<string, long> _ends = new Dictionary<string, long>();

    public bool IsFleet => true;

    public IAsyncEnumerable<AuditRecord> SearchAsync(AuditFilter filter, CancellationToken cancellationToken) =>
        _reader.SearchAsync(filter, instanceId, cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> TailAsync(int count, CancellationToken cancellationToken)
    {
        var tail = await _reader.TailAsync(count, instanceId, cancellationToken).ConfigureAwait(false);
        _ends = tail.Ends;
        return tail.Records;
    }

    public IAsyncEnumerable<AuditRecord> FollowAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _reader.FollowAsync(_ends, pollInterval, instanceId, cancellationToken);

    public ValueTask DisposeAsync() => connector.DisposeAsync();
}
