using System.Security.Cryptography;

namespace Hyok.Kms.CustomKeyStores;

/// <summary>Custom key store ids as KMS makes them: <c>cks-</c> followed by 17 lower-case hex digits.</summary>
internal static class KeyStoreIds
{
    public const int HexDigits = 17;

    public static string New() => "cks-" + RandomNumberGenerator.GetHexString(HexDigits, lowercase: true);
}
