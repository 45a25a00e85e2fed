using System.Globalization;

namespace Hyok.Auditing;

/// <summary>
/// The state of one <see cref="AuditVerifier"/> pass: the last good record and the expected next seq. With an anchor
/// (a signed head taken before older records were archived away) the walk starts there instead of at genesis.
/// </summary>
internal sealed partial class AuditChainWalk
{
    private readonly AuditHead? _expectedHead;
    private long _count;
    private long _lastSeq;
    private string _lastHash = AuditChain.GenesisHash;
    private string _lastFile = "";
    private long _lastLine;

    /// <param name="expectedHead">A signed head the trail must still hold (truncation), or null.</param>
    /// <param name="anchor">A signed head to check the chain from (records up to it are not checked), or null.</param>
    public AuditChainWalk(AuditHead? expectedHead, AuditHead? anchor = null)
    {
        _expectedHead = expectedHead;
        _anchor = anchor;
        if (anchor is not null)
        {
            (_lastSeq, _lastHash, _lastFile) = (anchor.Seq, anchor.Hash, anchor.File);
        }
    }

    public AuditVerification? CheckFile(string path, string name)
    {
        long lineNumber = 0;
        foreach (var line in AuditFileLines.Read(path))
        {
            lineNumber++;
            if (!line.Complete)
            {
                return Fail(name, lineNumber, $"record after {_lastSeq} ({Where(name, lineNumber)}): incomplete last line, cut off during a write (never acknowledged; the writer removes it when it starts)");
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
            return Fail(name, lineNumber, $"record after {_lastSeq} ({Where(name, lineNumber)}): {problem}", stored?.Seq);
        }

        if (stored is { } s && (s.Seq != record.Seq || !string.Equals(s.Prev, record.Prev, StringComparison.Ordinal)))
        {
            return Fail(name, lineNumber, string.Create(CultureInfo.InvariantCulture,
                $"{AuditVerifier.At(s.Seq, name, lineNumber)}: its stored seq/prev ({s.Seq}) do not match its line (seq {record.Seq}): the record was changed"), s.Seq);
        }

        if (SkipBeforeAnchor(record, out var contradiction))
        {
            return contradiction is null ? null : Fail(name, lineNumber, $"{AuditVerifier.At(record.Seq, name, lineNumber)}: {contradiction}", record.Seq);
        }

        if (Check(record) is { } reason)
        {
            return Fail(name, lineNumber, $"{AuditVerifier.At(record.Seq, name, lineNumber)}: {reason}", record.Seq);
        }

        (_count, _lastSeq, _lastHash, _lastFile, _lastLine) = (_count + 1, record.Seq, record.Hash, name, lineNumber);
        return null;
    }

    public AuditVerification Finish()
    {
        if (AnchorNotReached() is { } missing)
        {
            return missing;
        }

        if (_expectedHead is { } head && head.Seq > _lastSeq)
        {
            return Fail(head.File, null, string.Create(CultureInfo.InvariantCulture,
                $"the trail ends at record {_lastSeq} but the head exported at {AuditLine.FormatTime(head.Time)} names record {head.Seq} ({head.File}): records {_lastSeq + 1}..{head.Seq} were removed (truncated)"));
        }

        return new AuditVerification { Count = _count, Head = CurrentHead(), Anchor = _anchor, BeforeAnchor = _beforeAnchor };
    }

    public AuditVerification Fail(string file, long? line, string problem, long? seq = null) =>
        new() { Count = _count, Head = CurrentHead(), Anchor = _anchor, BeforeAnchor = _beforeAnchor, File = file, Line = line, Seq = seq, Problem = problem };

    private string? Check(AuditRecord record)
    {
        long expected = _lastSeq + 1;
        if (record.Seq > expected)
        {
            return (_lastSeq, _count, _anchor) switch
            {
                (0, _, _) => $"the trail starts at record {record.Seq}: records 1..{record.Seq - 1} were deleted",
                (_, 0, { } a) => $"the first record after the anchor (record {a.Seq}) is record {record.Seq}: records {expected}..{record.Seq - 1} were deleted",
                _ => $"seq jumps from {_lastSeq} to {record.Seq}: records {expected}..{record.Seq - 1} were deleted",
            };
        }

        if (record.Seq < expected)
        {
            return $"seq {record.Seq} where {expected} was expected: records were reordered, duplicated or inserted";
        }

        if (!string.Equals(record.Prev, _lastHash, StringComparison.Ordinal))
        {
            return (_lastSeq, _count, _anchor) switch
            {
                (0, _, _) => "prev is not the genesis hash (64 zeros): the first record was changed or records before it were deleted",
                (_, 0, { } a) => $"prev hash does not match the anchor (record {a.Seq} in {a.File}) — the record at the anchor was changed, or the anchor is of another trail",
                _ => $"prev hash does not match {AuditVerifier.At(_lastSeq, _lastFile, _lastLine)} — the record before it was changed, deleted or reordered, or this one was inserted",
            };
        }

        if (_expectedHead is { } head && head.Seq == record.Seq && !string.Equals(head.Hash, record.Hash, StringComparison.Ordinal))
        {
            return "its hash does not match the exported head: the trail was rewritten up to the head";
        }

        return null;
    }

    private static string Where(string name, long lineNumber) => string.Create(CultureInfo.InvariantCulture, $"{name} line {lineNumber}");

    private AuditHead CurrentHead() => new(_lastSeq, _lastHash, _lastFile, DateTimeOffset.UnixEpoch);
}
