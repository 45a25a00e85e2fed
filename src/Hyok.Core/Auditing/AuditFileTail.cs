namespace Hyok.Auditing;

/// <summary>The end of one audit file: its last complete record, a partial line after it, and its first record's time.</summary>
internal sealed record AuditFileTail(long Length, long PartialBytes, AuditRecord? LastRecord, DateTimeOffset? FirstTime)
{
    /// <summary>Reads the file backwards from its end (a 64 MiB file is not read whole).</summary>
    /// <exception cref="InvalidDataException">The last complete line is not an audit record.</exception>
    public static AuditFileTail Read(string path)
    {
        using var stream = AuditFileLines.OpenShared(path);
        long size = stream.Length;
        long lastNewline = FindNewlineBefore(stream, size);
        long completeLength = lastNewline + 1;
        if (lastNewline < 0)
        {
            return new AuditFileTail(0, size, null, null);
        }

        long previousNewline = FindNewlineBefore(stream, lastNewline);
        var line = ReadRange(stream, previousNewline + 1, lastNewline);
        var name = Path.GetFileName(path);
        var record = AuditRecordParser.TryParse(line, name, 0, out var problem)
            ?? throw new InvalidDataException($"the last record of {name} is damaged ({problem}); run `hyok audit verify`");
        var first = previousNewline < 0 ? record : AuditTrailReader.ReadFile(path).FirstOrDefault();
        return new AuditFileTail(completeLength, size - completeLength, record, first?.Event.Time);
    }

    /// <summary>Cuts the file to <paramref name="length"/> bytes and makes that durable.</summary>
    public static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        stream.SetLength(length);
        stream.Flush(flushToDisk: true);
    }

    private static long FindNewlineBefore(FileStream stream, long end)
    {
        var buffer = new byte[8192];
        while (end > 0)
        {
            int count = (int)Math.Min(buffer.Length, end);
            long start = end - count;
            stream.Seek(start, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, count);
            int index = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (index >= 0)
            {
                return start + index;
            }

            end = start;
        }

        return -1;
    }

    private static byte[] ReadRange(FileStream stream, long start, long end)
    {
        var bytes = new byte[end - start];
        stream.Seek(start, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        return bytes;
    }
}
