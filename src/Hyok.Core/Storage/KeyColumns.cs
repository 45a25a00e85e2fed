using Hyok.Keys;

namespace Hyok.Storage;

/// <summary>
/// The text of <see cref="KeyUsage"/> and <see cref="KeyState"/>: stored in the database and used as the CLI's words
/// (<c>--usage encrypt-decrypt</c>). Explicit, so renumbering an enum never changes data.
/// </summary>
public static class KeyColumns
{
    public static string UsageText(KeyUsage usage) => usage switch
    {
        KeyUsage.Encrypt => "encrypt",
        KeyUsage.Decrypt => "decrypt",
        KeyUsage.EncryptDecrypt => "encrypt-decrypt",
        KeyUsage.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(usage), usage, "A key allows encrypt, decrypt, both or none."),
    };

    public static KeyUsage? ParseUsage(string text) => text switch
    {
        "encrypt" => KeyUsage.Encrypt,
        "decrypt" => KeyUsage.Decrypt,
        "encrypt-decrypt" => KeyUsage.EncryptDecrypt,
        "none" => KeyUsage.None,
        _ => null,
    };

    public static string StateText(KeyState state) => state switch
    {
        KeyState.Enabled => "enabled",
        KeyState.Disabled => "disabled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A key is enabled or disabled."),
    };

    public static KeyState? ParseState(string text) => text switch
    {
        "enabled" => KeyState.Enabled,
        "disabled" => KeyState.Disabled,
        _ => null,
    };
}
