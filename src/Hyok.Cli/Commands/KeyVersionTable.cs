using System.Globalization;
using Hyok.Keys;

namespace Hyok.Cli.Commands;

/// <summary>Prints the versions of a key with their use counts from the audit trail.</summary>
internal static class KeyVersionTable
{
    public static void Print(IReadOnlyList<KeyVersionInfo> versions, IReadOnlyDictionary<int, (long Encrypts, long Decrypts)>? uses)
    {
        Console.WriteLine($"{"VERSION",-8} {"STATE",-8} {"CREATED",-21} {"RETIRED",-21} {"ENCRYPTS",9} {"DECRYPTS",9}");
        foreach (var v in versions)
        {
            var state = v.RetiredAt is not null ? "RETIRED" : v.IsCurrent ? "CURRENT" : "LIVE";
            var (encrypts, decrypts) = uses?.GetValueOrDefault(v.Version) ?? default;
            Console.WriteLine(
                $"{v.Version,-8} {state,-8} {Time(v.CreatedAt),-21} {(v.RetiredAt is { } r ? Time(r) : "-"),-21} {Count(uses, encrypts),9} {Count(uses, decrypts),9}");
        }
    }

    private static string Time(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);

    private static string Count(object? uses, long count) => uses is null ? "-" : count.ToString(CultureInfo.InvariantCulture);
}
