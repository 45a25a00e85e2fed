using Hyok.Storage;

namespace Hyok.Auditing;

/// <summary>Opening, resuming, rotating and recovering the audit files.</summary>
public sealed partial class AuditTrailWriter
{
    private FileStream? _file;
    private string _filePath = "";
    private int _fileNumber;
    private long _fileLength;
    private DateTimeOffset _fileStartedAt;
    private long _lastSeq;
    private string _lastHash = AuditChain.GenesisHash;

    /// <summary>
    /// Finds the end of the chain on disk and opens the newest file for appending. With <paramref name="expected"/>
    /// (recovery), the chain on disk must still end with the record this writer last made durable.
    /// </summary>
    private void Resume((long Seq, string Hash)? expected)
    {
        StorageFiles.CreatePrivateDirectory(_options.Directory);
        var files = AuditChain.ListFiles(_options.Directory);
        if (files.Count == 0)
        {
            CheckExpected(expected, AuditChain.GenesisHash, 0);
            if (_options.Durable && Path.GetDirectoryName(_options.Directory) is { Length: > 0 } parent)
            {
                DataSync.FlushDirectory(parent); // a new trail: its folder's name must be durable too
            }

            OpenFile(1, createNew: true);
            return;
        }

        var (number, path) = files[^1];
        var tail = AuditFileTail.Read(path);
        if (tail.PartialBytes > 0)
        {
            AuditFileTail.Truncate(path, tail.Length);
            AuditTrailLog.CutPartialLine(_logger, Path.GetFileName(path), tail.PartialBytes);
        }

        var last = tail.LastRecord ?? (files.Count > 1 ? AuditFileTail.Read(files[^2].Path).LastRecord : null);
        CheckExpected(expected, last?.Hash ?? AuditChain.GenesisHash, last?.Seq ?? 0);
        (_lastSeq, _lastHash) = (last?.Seq ?? 0, last?.Hash ?? AuditChain.GenesisHash);
        OpenFile(number, createNew: false);
        _fileStartedAt = tail.FirstTime ?? _timeProvider.GetUtcNow();
        if (expected is null)
        {
            AuditTrailLog.Resumed(_logger, _options.Directory, _lastSeq, Path.GetFileName(path));
        }
    }

    private static void CheckExpected((long Seq, string Hash)? expected, string hash, long seq)
    {
        if (expected is { } e && (e.Seq != seq || !string.Equals(e.Hash, hash, StringComparison.Ordinal)))
        {
            throw new InvalidDataException(
                $"the audit trail on disk ends at record {seq}, not at record {e.Seq} last written by this server (files removed or replaced); run `hyok audit verify` and restart");
        }
    }

    /// <summary>After a failure: drop bytes of the failed batch (never acknowledged), then resume where this writer left off.</summary>
    private void Recover()
    {
        CutUnacknowledged();
        Resume((_lastSeq, _lastHash));
        _faulted = false;
        AuditTrailLog.Recovered(_logger, _lastSeq);
    }

    /// <summary>Cuts bytes past the last acknowledged record from the current file; best effort (Recover retries).</summary>
    private void CutUnacknowledged()
    {
        try
        {
            if (File.Exists(_filePath) && new FileInfo(_filePath).Length is var length && length > _fileLength)
            {
                AuditFileTail.Truncate(_filePath, _fileLength);
                AuditTrailLog.CutUnacknowledged(_logger, Path.GetFileName(_filePath), length - _fileLength);
            }
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            // Still failing: the next batch's recovery tries again before anything is written.
        }
    }

    private void StartNextFile()
    {
        CloseFile();
        OpenFile(_fileNumber + 1, createNew: true);
        AuditTrailLog.Rotated(_logger, Path.GetFileName(_filePath), _lastSeq);
    }

    private void OpenFile(int number, bool createNew)
    {
        var path = Path.Combine(_options.Directory, AuditChain.FileName(number));
        var options = createNew ? StorageFiles.NewPrivateFile(FileAccess.Write) : new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write };
        options.Share = FileShare.Read | FileShare.Delete;
        options.BufferSize = 0;
        var stream = new FileStream(path, options);
        stream.Seek(0, SeekOrigin.End);
        (_file, _filePath, _fileNumber, _fileLength) = (stream, path, number, stream.Length);
        if (createNew)
        {
            _fileStartedAt = _timeProvider.GetUtcNow();
            if (_options.Durable)
            {
                // The new file's name must survive a power loss as well as the records that will be flushed into it.
                DataSync.FlushDirectory(_options.Directory);
            }
        }
    }

    private void CloseFile()
    {
        var file = _file;
        _file = null;
        try
        {
            file?.Dispose();
        }
        catch (IOException)
        {
            // Closing a file whose write already failed; the failure was reported.
        }
    }
}
