namespace Hyok.Auditing;

/// <summary>
/// Reads the trail back in chain order across its files, each record with its file name and line number. Lines that
/// are not valid records (and a cut-off last line) are skipped: use <see cref="AuditVerifier"/> to check integrity.
/// </summary>
public sealed partial class AuditTrailReader(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Every readable record, oldest first.</summary>
    public IEnumerable<AuditRecord> ReadAll()
    {
        foreach (var (_, path) in AuditChain.ListFiles(Directory))
        {
            foreach (var record in ReadFile(path))
            {
                yield return record;
            }
        }
    }

    /// <summary>The records matching <paramref name="filter"/>, oldest first.</summary>
    public IEnumerable<AuditRecord> Search(AuditFilter filter) => ReadAll().Where(filter.Matches);

    /// <summary>The last <paramref name="count"/> records, oldest first.</summary>
    public IReadOnlyList<AuditRecord> Tail(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var last = new Queue<AuditRecord>();
        foreach (var (_, path) in AuditChain.ListFiles(Directory).Reverse())
        {
            foreach (var record in ReadFile(path).Reverse().Take(count - last.Count))
            {
                last.Enqueue(record);
            }

            if (last.Count >= count)
            {
                break;
            }
        }

        return [.. last.Reverse()];
    }

    internal static IEnumerable<AuditRecord> ReadFile(string path, long startOffset = 0, long firstLineNumber = 1)
    {
        var name = Path.GetFileName(path);
        long number = firstLineNumber - 1;
        foreach (var line in AuditFileLines.Read(path, startOffset))
        {
            number++;
            if (line.Complete && AuditRecordParser.TryParse(line.Bytes, name, number, out _) is { } record)
            {
                yield return record;
            }
        }
    }
}
