using System.Runtime.CompilerServices;
using Hyok.Auditing;

namespace Hyok.Cli.Commands;

/// <summary>The audit files of one folder (<see cref="AuditTrailReader"/>).</summary>
internal sealed class FileAuditSource(string directory) : IAuditSource
{
    private readonly AuditTrailReader _reader = new(directory);
    private AuditRecord? _after;

    public bool IsFleet => false;

    public async IAsyncEnumerable<AuditRecord> SearchAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in _reader.Search(filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<IReadOnlyList<AuditRecord>> TailAsync(int count, CancellationToken cancellationToken)
    {
        var last = _reader.Tail(count);
        _after = last.Count > 0 ? last[^1] : _reader.Tail(1) is [var newest] ? newest : null;
        return Task.FromResult(last);
    }

    public IAsyncEnumerable<AuditRecord> FollowAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _reader.FollowAsync(_after, pollInterval, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
