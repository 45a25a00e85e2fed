using System.Globalization;
using System.Security.Cryptography;

namespace Hyok.Auditing;

/// <summary>The hash chain and file naming rules of the audit trail (docs/audit.md).</summary>
public static class AuditChain
{
    /// <summary>The <c>prev</c> of the very first record: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const string Prefix = "audit-";
    private const string Suffix = ".jsonl";

    /// <summary>Lowercase hex SHA-256 of a line's exact bytes, without its newline.</summary>
    public static string Hash(ReadOnlySpan<byte> line)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(line, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>How records and heads write times: ISO-8601 UTC with milliseconds, e.g. <c>2026-11-28T20:26:17.123Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>audit-000001.jsonl</c> for 1.</summary>
    public static string FileName(int number) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D6}{Suffix}");

    /// <summary>The number in an audit file name, or null when the name is not one.</summary>
    public static int? FileNumber(string fileName)
    {
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = fileName.AsSpan(Prefix.Length, fileName.Length - Prefix.Length - Suffix.Length);
        return digits.Length >= 6 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
    }

    /// <summary>The audit files of <paramref name="directory"/> in chain order (by number); empty when the folder does not exist.</summary>
    public static IReadOnlyList<(int Number, string Path)> ListFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFileSystemEntries(directory, Prefix + "*" + Suffix)
            .Select(path => (Number: FileNumber(Path.GetFileName(path)), Path: path))
            .Where(f => f.Number is not null)
            .Select(f => (f.Number!.Value, f.Path))
            .OrderBy(f => f.Item1)];
    }
}
