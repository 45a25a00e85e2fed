using System.Globalization;

namespace Hyok.Auditing;

/// <summary>
/// The state of one <see cref="AuditVerifier"/> pass: the last good record and the expected next seq. With an anchor
/// (a signed head taken before older records were archived away) the chain may start at a later record (see
/// AuditChainWalk.Anchor.cs).
/// </summary>
/// <param name="expectedHead">A signed head the trail must still hold (truncation), or null.</param>
/// <param name="anchor">A signed head the trail must hold or continue from, its older records archived away, or null.</param>
internal sealed partial class AuditChainWalk(AuditHead? expectedHead, AuditHead? anchor = null)
{
    private long _count;
    private long _firstSeq;
    private string _firstPrev = AuditChain.GenesisHash;
    private long _lastSeq;
    private string _lastHash = AuditChain.GenesisHash;
    private string _lastFile = "";
    private long _lastLine;

    public AuditVerification? CheckFile(string path, string name)
    {
        long lineNumber = 0;
        foreach (var line in AuditFileLines.Read(path))
        {
            lineNumber++;
            if (!line.Complete)
            {
                return Fail(name, lineNumber, $"{NextRecord()} ({Where(name, lineNumber)}): incomplete last line, cut off during a write (never acknowledged; the writer removes it when it starts)");
            }

            if (CheckLine(line.Bytes, name, lineNumber) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    /// <summary>
    /// Checks the next line of the chain, from any source (<paramref name="name"/> and <paramref name="lineNumber"/> say
    /// where it is); with <paramref name="stored"/>, the seq and prev its source keeps beside the line must match it.
    /// </summary>
    public AuditVerification? CheckLine(byte[] bytes, string name, long lineNumber, (long Seq, string Prev)? stored = null)
    {
        var record = AuditRecordParser.TryParse(bytes, name, lineNumber, out var problem);
        if (record is null)
        {
            return Fail(name, lineNumber, $"{NextRecord()} ({Where(name, lineNumber)}): {problem}", stored?.Seq);
        }

        if (stored is { } s && (s.Seq != record.Seq || !string.Equals(s.Prev, record.Prev, StringComparison.Ordinal)))
        {
            return Fail(name, lineNumber, string.Create(CultureInfo.InvariantCulture,
                $"{AuditVerifier.At(s.Seq, name, lineNumber)}: its stored seq/prev ({s.Seq}) do not match its line (seq {record.Seq}): the record was changed"), s.Seq);
        }

        if (((StartsAtArchivedLink(record) ? null : Link(record)) ?? Matches(record)) is { } reason)
        {
            return Fail(name, lineNumber, $"{AuditVerifier.At(record.Seq, name, lineNumber)}: {reason}", record.Seq);
        }

        if (_count == 0)
        {
            (_firstSeq, _firstPrev) = (record.Seq, record.Prev);
        }

        (_count, _lastSeq, _lastHash, _lastFile, _lastLine) = (_count + 1, record.Seq, record.Hash, name, lineNumber);
        return null;
    }

    public AuditVerification Finish()
    {
        if ((AnchorNotReached() ?? HeadArchived()) is { } problem)
        {
            return Fail(problem.File, null, problem.Problem);
        }

        if (expectedHead is { } head && head.Seq > _lastSeq)
        {
            return Fail(head.File, null, string.Create(CultureInfo.InvariantCulture,
                $"the trail ends at record {_lastSeq} but the head exported at {AuditLine.FormatTime(head.Time)} names record {head.Seq} ({head.File}): records {_lastSeq + 1}..{head.Seq} were removed (truncated)"));
        }

        return Result();
    }

    public AuditVerification Fail(string file, long? line, string problem, long? seq = null) =>
        Result() with { File = file, Line = line, Seq = seq, Problem = problem };

    private AuditVerification Result() =>
        new() { Count = _count, Head = CurrentHead(), Anchor = anchor, FirstSeq = _count == 0 ? null : _firstSeq };

    /// <summary>Why <paramref name="record"/> does not follow the last record (or genesis, or the anchor); null when it does.</summary>
    private string? Link(AuditRecord record)
    {
        var (lastSeq, lastHash, fromAnchor) = _count == 0 && anchor is { } a && record.Seq > a.Seq
            ? (a.Seq, a.Hash, true)
            : (_lastSeq, _lastHash, false);
        long expected = lastSeq + 1;
        if (record.Seq > expected)
        {
            return (lastSeq, fromAnchor) switch
            {
                (0, _) => $"the trail starts at record {record.Seq}: records 1..{record.Seq - 1} were deleted",
                (_, true) => $"the first record after the anchor (record {lastSeq}) is record {record.Seq}: records {expected}..{record.Seq - 1} were deleted",
                _ => $"seq jumps from {lastSeq} to {record.Seq}: records {expected}..{record.Seq - 1} were deleted",
            };
        }

        if (record.Seq < expected)
        {
            return $"seq {record.Seq} where {expected} was expected: records were reordered, duplicated or inserted";
        }

        if (!string.Equals(record.Prev, lastHash, StringComparison.Ordinal))
        {
            return (lastSeq, fromAnchor) switch
            {
                (0, _) => "prev is not the genesis hash (64 zeros): the first record was changed or records before it were deleted",
                (_, true) => $"prev hash does not match the anchor (record {lastSeq} in {anchor!.File}) — the anchor is of another trail, or the records were rewritten",
                _ => $"prev hash does not match {AuditVerifier.At(lastSeq, _lastFile, _lastLine)} — the record before it was changed, deleted or reordered, or this one was inserted",
            };
        }

        return null;
    }

    /// <summary>Why <paramref name="record"/> contradicts the signed head or anchor naming its seq; null when neither does.</summary>
    private string? Matches(AuditRecord record) =>
        expectedHead is { } head && head.Seq == record.Seq && !string.Equals(head.Hash, record.Hash, StringComparison.Ordinal)
            ? "its hash does not match the exported head: the trail was rewritten up to the head"
            : anchor is { } a && a.Seq == record.Seq && !string.Equals(a.Hash, record.Hash, StringComparison.Ordinal)
                ? "its hash does not match the anchor: the trail was rewritten up to the anchor, or the anchor is of another trail"
                : null;

    /// <summary>How a line that is no record is named: after the last record, or as the first of the walk.</summary>
    private string NextRecord() => _count == 0 ? "first record" : string.Create(CultureInfo.InvariantCulture, $"record after {_lastSeq}");

    private static string Where(string name, long lineNumber) => string.Create(CultureInfo.InvariantCulture, $"{name} line {lineNumber}");

    private AuditHead CurrentHead() => new(_lastSeq, _lastHash, _lastFile, DateTimeOffset.UnixEpoch);
}
