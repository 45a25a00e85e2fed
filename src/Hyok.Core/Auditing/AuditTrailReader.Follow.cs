using System.Runtime.CompilerServices;

namespace Hyok.Auditing;

/// <summary><c>tail --follow</c>: records appended after the call, across rotations, until cancelled.</summary>
public sealed partial class AuditTrailReader
{
    /// <summary>
    /// Yields each record written after <paramref name="after"/> (a record read before, e.g. the last one <c>tail</c>
    /// printed, so nothing written in between is missed), or after the current end when null; polls every
    /// <paramref name="pollInterval"/> and ends when cancelled.
    /// </summary>
    public async IAsyncEnumerable<AuditRecord> FollowAsync(AuditRecord? after, TimeSpan pollInterval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = AuditChain.ListFiles(Directory);
        int number = after is not null ? AuditChain.FileNumber(after.File) ?? 1 : files.Count == 0 ? 1 : files[^1].Number;
        long offset = 0;
        long line = 0;
        var start = files.FirstOrDefault(f => f.Number == number).Path;
        if (start is not null)
        {
            foreach (var raw in AuditFileLines.Read(start).TakeWhile(l => l.Complete && (after is null || line < after.Line)))
            {
                (offset, line) = (raw.EndOffset, line + 1);
            }
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            files = AuditChain.ListFiles(Directory);
            bool newerFile = files.Any(f => f.Number > number);
            var current = files.FirstOrDefault(f => f.Number == number);
            if (current.Path is not null && File.Exists(current.Path))
            {
                foreach (var raw in AuditFileLines.Read(current.Path, offset).TakeWhile(l => l.Complete))
                {
                    (offset, line) = (raw.EndOffset, line + 1);
                    if (AuditRecordParser.TryParse(raw.Bytes, Path.GetFileName(current.Path), line, out _) is { } record)
                    {
                        yield return record;
                    }
                }
            }

            if (newerFile)
            {
                (number, offset, line) = (files.First(f => f.Number > number).Number, 0, 0);
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
