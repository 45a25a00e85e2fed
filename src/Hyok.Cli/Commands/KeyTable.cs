using System.Globalization;
using Hyok.Keys;
using Hyok.Storage;

namespace Hyok.Cli.Commands;

/// <summary>Prints keys as an aligned table and parses the CLI's usage words.</summary>
internal static class KeyTable
{
    /// <summary>The CLI's usage words are the stored ones (<see cref="KeyColumns"/>); <c>--usage</c> accepts only those.</summary>
    public static KeyUsage ParseUsage(string text) => KeyColumns.ParseUsage(text) ?? KeyUsage.EncryptDecrypt;

    public static void Print(IReadOnlyList<KeyDescriptor> keys)
    {
        Console.WriteLine($"{"ID",-40} {"KEY STORE",-20} {"USAGE",-16} {"STATE",-9} CREATED");
        foreach (var key in keys)
        {
            var created = key.CreatedAt.ToString("u", CultureInfo.InvariantCulture);
            Console.WriteLine($"{key.Id,-40} {key.KeyStore,-20} {KeyColumns.UsageText(key.Usage),-16} {key.State.ToString().ToUpperInvariant(),-9} {created}");
        }
    }
}
