using System.Globalization;

namespace Hyok.Auditing;

/// <summary>
/// Walks every audit file in order and checks each line: valid JSON, seq continuous from 1, prev equal to the hash
/// of the previous line's exact bytes. Edits, deletions, reorderings and insertions break the chain at the first
/// affected record; truncation of the tail is detected against an exported <see cref="AuditHead"/>.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies the trail in <paramref name="directory"/>; with <paramref name="head"/> (signature checked by the
    /// caller) the trail must still hold that record with that hash; with <paramref name="anchor"/> (a signed head too)
    /// the trail may start at any record up to the anchor's (older files archived away) and must hold or follow it.</summary>
    public static AuditVerification Verify(string directory, AuditHead? head = null, AuditHead? anchor = null)
    {
        var walk = new AuditChainWalk(head, anchor);
        int? previousNumber = null;
        foreach (var (number, path) in AuditChain.ListFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (previousNumber is { } p && number != p + 1)
            {
                return walk.Fail(name, 1, $"{name}: file {AuditChain.FileName(p + 1)} is missing (the files jump from {AuditChain.FileName(p)} to {name}); its records were deleted");
            }

            if (Directory.Exists(path))
            {
                return walk.Fail(name, null, $"{name} is a folder, not an audit file");
            }

            previousNumber = number;
            if (walk.CheckFile(path, name) is { } failure)
            {
                return failure;
            }
        }

        return walk.Finish();
    }

    internal static string At(long seq, string file, long line) =>
        string.Create(CultureInfo.InvariantCulture, $"record {seq} ({file} line {line})");
}
