using Hyok.Pkcs11;

namespace Hyok.Testing;

/// <summary>One initialised SoftHSM token of the test process: label, serial, PINs and its folder under tokendir.</summary>
public sealed class SoftHsmToken(SoftHsm softHsm, string label, string serial, string userPin, string folder)
{
    public SoftHsm SoftHsm => softHsm;

    public string Label => label;

    public string Serial => serial;

    public string UserPin => userPin;

    public string Folder => folder;

    /// <summary>Options for this token with the PIN in a new mode-0600 file.</summary>
    public Pkcs11Options Options(int poolSize = 4, int waitMilliseconds = 100, int reconnectMilliseconds = 0, string? pin = null, bool sessionKeyCopies = true)
    {
        string pinFile = Path.Combine(softHsm.Root, $"pin-{Guid.NewGuid():N}");
        File.WriteAllText(pinFile, (pin ?? userPin) + "\n");
        File.SetUnixFileMode(pinFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new Pkcs11Options
        {
            ModulePath = SoftHsm.ModulePath,
            TokenLabel = label,
            PinFile = pinFile,
            SessionPoolSize = poolSize,
            SessionWaitTimeoutMilliseconds = waitMilliseconds,
            ReconnectIntervalMilliseconds = reconnectMilliseconds,
            SessionKeyCopies = sessionKeyCopies,
        };
    }

    /// <summary>Moves the token's folder out of tokendir (the token disappears) and returns a restore action.</summary>
    public Action Remove()
    {
        string away = Path.Combine(softHsm.Root, "removed-" + Path.GetFileName(folder));
        Directory.Move(folder, away);
        return () => Directory.Move(away, folder);
    }
}
