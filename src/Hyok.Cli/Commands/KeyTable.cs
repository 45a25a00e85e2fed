using System.Globalization;
using Hyok.Keys;

namespace Hyok.Cli.Commands;

/// <summary>Prints keys as an aligned table and parses the CLI's usage words.</summary>
internal static class KeyTable
{
    public static KeyUsage ParseUsage(string text) => text switch
    {
        "encrypt" => KeyUsage.Encrypt,
        "decrypt" => KeyUsage.Decrypt,
        "none" => KeyUsage.None,
        _ => KeyUsage.EncryptDecrypt,
    };

    public static string UsageText(KeyUsage usage) => usage switch
    {
        KeyUsage.Encrypt => "encrypt",
        KeyUsage.Decrypt => "decrypt",
        KeyUsage.None => "none",
        _ => "encrypt-decrypt",
    };

    public static void Print(IReadOnlyList<KeyDescriptor> keys)
    {
        Console.WriteLine($"{"ID",-40} {"KEY STORE",-20} {"USAGE",-16} {"STATE",-9} CREATED");
        foreach (var key in keys)
        {
            var created = key.CreatedAt.ToString("u", CultureInfo.InvariantCulture);
            Console.WriteLine($"{key.Id,-40} {key.KeyStore,-20} {UsageText(key.Usage),-16} {key.State.ToString().ToUpperInvariant(),-9} {created}");
        }
    }
}
