using System.Buffers;

namespace Hyok.Auditing;

/// <summary>The group-commit loop: one write and one fsync per file touched by a batch.</summary>
public sealed partial class AuditTrailWriter
{
    private readonly ArrayBufferWriter<byte> _segment = new(64 * 1024);
    private readonly AuditLineWriter _lines = new();
    private List<PendingAuditRecord> _batch = [];
    private bool _faulted;

    private void WriteBatch(List<PendingAuditRecord> batch)
    {
        _batch = batch;
        var started = _timeProvider.GetTimestamp();
        try
        {
            if (_faulted)
            {
                Recover();
            }

            WriteSegments(started);
        }
        catch (Exception e)
        {
            // Every fault fails the batch closed (a fault that is not the disk's, too: the writer thread must never
            // die and leave appends waiting). Lines written but not acknowledged are cut off at once, so a restart
            // before the next batch cannot take them for records of answered requests.
            _faulted = true;
            CloseFile();
            CutUnacknowledged();
            var unacknowledged = _batch.Where(p => !p.Durable.Task.IsCompleted).ToList();
            AuditTrailLog.WriteFailed(_logger, e.GetType().Name, e.Message, unacknowledged.Count);
            _metrics?.BatchFailed(unacknowledged.Count);
            var failure = new AuditUnavailableException(UnavailableMessage, e);
            foreach (var pending in unacknowledged)
            {
                pending.Durable.TrySetException(failure);
            }
        }
    }

    /// <summary>Serializes the batch in chain order, rotating between lines when needed, and makes it durable.</summary>
    private void WriteSegments(long started)
    {
        EnsureFileStillThere();
        long seq = _lastSeq;
        string prev = _lastHash;
        int segmentStart = 0;
        _segment.Clear();
        for (int i = 0; i < _batch.Count; i++)
        {
            var line = _lines.Serialize(seq + 1, prev, _batch[i].Event);
            if (ShouldRotate(_segment.WrittenCount, line.Length))
            {
                Commit(segmentStart, i, seq, prev, started);
                (segmentStart, started) = (i, _timeProvider.GetTimestamp());
                StartNextFile();
            }

            _segment.Write(line);
            _segment.Write("\n"u8);
            (seq, prev) = (seq + 1, AuditChain.Hash(line));
        }

        Commit(segmentStart, _batch.Count, seq, prev, started);
    }

    /// <summary>
    /// Writes and fsyncs the buffered lines of records [from, to), then acknowledges them. The flush is timed before the
    /// acknowledgements (never including what an acknowledged request goes on to do) and recorded after them (a failing
    /// metrics listener cannot fail records that are durable).
    /// </summary>
    private void Commit(int from, int to, long seq, string hash, long started)
    {
        if (to == from)
        {
            return;
        }

        _file!.Write(_segment.WrittenSpan);
        if (_options.Durable)
        {
            DataSync.Flush(_file);
        }
        (_fileLength, _lastSeq, _lastHash) = (_fileLength + _segment.WrittenCount, seq, hash);
        _segment.Clear();
        Interlocked.Add(ref _recordsWritten, to - from);
        Interlocked.Increment(ref _batches);
        var flushed = _timeProvider.GetElapsedTime(started);
        for (int i = from; i < to; i++)
        {
            _batch[i].Durable.TrySetResult();
        }

        _metrics?.BatchWritten(to - from, flushed);
    }

    private bool ShouldRotate(int buffered, int lineLength)
    {
        long used = _fileLength + buffered;
        return used > 0
            && (used + lineLength + 1 > _options.MaxFileBytes || _timeProvider.GetUtcNow() - _fileStartedAt >= _options.MaxFileAge);
    }

    /// <summary>Deleting or replacing the open file would otherwise go unnoticed (writes to an unlinked file succeed).</summary>
    private void EnsureFileStillThere()
    {
        if (_file is null || !File.Exists(_filePath))
        {
            throw new IOException($"the audit file {Path.GetFileName(_filePath)} was removed or replaced");
        }
    }
}
