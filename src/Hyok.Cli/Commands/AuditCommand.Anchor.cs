using System.CommandLine;
using Hyok.Auditing;

namespace Hyok.Cli.Commands;

/// <summary><c>--from FILE</c> of <c>hyok audit verify</c> and <c>head</c>: a signed head to check a trail from whose older
/// files or rows were archived away (docs/audit.md "Archiving old files").</summary>
internal static partial class AuditCommand
{
    /// <summary><c>--from FILE</c>: an anchor, for a trail whose older files or rows were archived away (docs/audit.md).</summary>
    private static Option<string?> AnchorOption() => new("--from")
    {
        Description = "A signed head from `hyok audit head` taken before older audit files (or rows) were archived away: the trail may start at any record up to it and must hold or continue it.",
    };

    /// <summary>E.g. <c> from record 89901, through the anchor (record 90211 of 2026-12-01T00:00:00.000Z)</c>.</summary>
    internal static string FromAnchor(AuditVerification verification)
    {
        if (verification.Anchor is not { } anchor)
        {
            return "";
        }

        string at = $"the anchor (record {anchor.Seq} of {AuditChain.FormatTime(anchor.Time)})";
        return verification.FirstSeq is not { } first ? $", as at {at}"
            : first > anchor.Seq ? $" from record {first}, right after {at}"
            : $" from record {first}, through {at}";
    }
}
