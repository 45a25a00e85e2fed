namespace Hyok.Auditing;

/// <summary>
/// Streams the raw lines of one audit file as bytes (no newline), with the offset just past each line. A last line
/// without its newline is reported as incomplete: a write that was cut short and therefore never answered.
/// </summary>
internal static class AuditFileLines
{
    public readonly record struct RawLine(byte[] Bytes, long EndOffset, bool Complete);

    public static IEnumerable<RawLine> Read(string path, long startOffset = 0)
    {
        using var stream = OpenShared(path);
        stream.Seek(startOffset, SeekOrigin.Begin);
        var buffer = new byte[64 * 1024];
        var pending = new MemoryStream();
        long offset = startOffset;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            while (start < read)
            {
                int newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                if (newline < 0)
                {
                    pending.Write(buffer, start, read - start);
                    offset += read - start;
                    break;
                }

                pending.Write(buffer, start, newline - start);
                offset += newline - start + 1;
                yield return new RawLine(pending.ToArray(), offset, Complete: true);
                pending.SetLength(0);
                start = newline + 1;
            }
        }

        if (pending.Length > 0)
        {
            yield return new RawLine(pending.ToArray(), offset, Complete: false);
        }
    }

    /// <summary>Opens for reading while the writer appends (and even while a file is being rotated away).</summary>
    public static FileStream OpenShared(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
}
