using System.Globalization;

namespace Hyok.Auditing;

/// <summary>
/// A walk from an anchor (docs/audit.md "Archiving old files"): the records up to the anchor's seq are counted, not
/// checked, since the signed anchor vouches for the chain up to them; the anchor's own record, when still there, must
/// have its hash; the first record after it must follow it (seq + 1, prev = its hash), and from there on every rule applies.
/// </summary>
internal sealed partial class AuditChainWalk
{
    private readonly AuditHead? _anchor;
    private long _beforeAnchor;
    private long _lastSkippedSeq;
    private bool _anchorSeen;
    private bool _pastAnchor;

    /// <summary>
    /// True while no record after the anchor has been checked: a file missing there held only records the anchor
    /// vouches for (one missing after it shows as a seq gap all the same).
    /// </summary>
    public bool BeforeAnchor => _anchor is not null && !_pastAnchor;

    /// <summary>
    /// True when <paramref name="record"/> lies at or before the anchor and is not checked as a link of the chain;
    /// <paramref name="contradiction"/> then says why it breaks the chain (the anchor's own record with another hash).
    /// </summary>
    private bool SkipBeforeAnchor(AuditRecord record, out string? contradiction)
    {
        contradiction = null;
        if (_anchor is not { } anchor || _pastAnchor || record.Seq > anchor.Seq)
        {
            _pastAnchor = _anchor is not null;
            return false;
        }

        if (record.Seq == anchor.Seq)
        {
            _anchorSeen = string.Equals(record.Hash, anchor.Hash, StringComparison.Ordinal);
            contradiction = _anchorSeen ? null : "its hash does not match the anchor: the trail was rewritten up to the anchor, or the anchor is of another trail";
        }

        (_beforeAnchor, _lastSkippedSeq) = (_beforeAnchor + 1, record.Seq);
        return true;
    }

    /// <summary>A failure when the trail stops before the anchor's record: then nothing links it to the anchor.</summary>
    private AuditVerification? AnchorNotReached()
    {
        if (_anchor is not { } anchor || _pastAnchor || _anchorSeen)
        {
            return null;
        }

        string at = string.Create(CultureInfo.InvariantCulture, $"the anchor (record {anchor.Seq} in {anchor.File})");
        return Fail(anchor.File, null, _beforeAnchor == 0
            ? $"no record at or after {at} is left: the trail was removed or restarted, or the anchor is of another trail"
            : string.Create(CultureInfo.InvariantCulture, $"the trail ends at record {_lastSkippedSeq}, before {at}: records {_lastSkippedSeq + 1}..{anchor.Seq} were removed (truncated), or the anchor is of another trail"));
    }
}
