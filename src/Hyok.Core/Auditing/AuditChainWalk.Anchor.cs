using System.Globalization;

namespace Hyok.Auditing;

/// <summary>
/// A walk from an anchor (docs/audit.md "Archiving old files"): the folder may start at any record up to the anchor's
/// seq, whose link to the archived records before it is the one thing not checked. Every record kept is checked all the
/// same: each hash covers the record before it, so the chain up to the anchor's record, whose hash is signed, proves
/// them; the records after it must follow it. A walk that never reaches the anchor's record fails.
/// </summary>
internal sealed partial class AuditChainWalk
{
    /// <summary>True for the first record of an anchored walk when it lies after record 1 and at or before the anchor.</summary>
    private bool StartsAtArchivedLink(AuditRecord record) =>
        _count == 0 && anchor is { } a && record.Seq > 1 && record.Seq <= a.Seq;

    /// <summary>A problem when the walk stops before the anchor's record: then nothing links what it read to the anchor.</summary>
    private (string File, string Problem)? AnchorNotReached()
    {
        if (anchor is not { } a || _lastSeq >= a.Seq)
        {
            return null;
        }

        string at = string.Create(CultureInfo.InvariantCulture, $"the anchor (record {a.Seq} in {a.File})");
        return (a.File, _count == 0
            ? $"no record at or after {at} is left: the trail was removed or restarted, or the anchor is of another trail"
            : string.Create(CultureInfo.InvariantCulture, $"the trail ends at record {_lastSeq}, before {at}: records {_lastSeq + 1}..{a.Seq} were removed (truncated), or the anchor is of another trail"));
    }

    /// <summary>
    /// A problem when a signed head names a record archived away before the walk's first: it cannot be checked here. The
    /// record right before the first is checked all the same by its hash, the first record's prev (genesis for a head of
    /// an empty trail; the anchor's, or one the chain up to the anchor fixes).
    /// </summary>
    private (string File, string Problem)? HeadArchived() =>
        expectedHead is { } head && _count > 0 && head.Seq < _firstSeq
            && !(head.Seq == _firstSeq - 1 && string.Equals(head.Hash, _firstPrev, StringComparison.Ordinal))
            ? (head.File, string.Create(CultureInfo.InvariantCulture,
                $"the signed head names record {head.Seq}, before the first record here ({_firstSeq}): it was archived; check the head against the archive"))
            : null;
}
