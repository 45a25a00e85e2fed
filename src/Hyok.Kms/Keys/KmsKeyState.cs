namespace Hyok.Kms.Keys;

/// <summary>The <c>KeyState</c> values the emulator uses so far; the names are the API's.</summary>
public enum KmsKeyState
{
    Enabled,
    Disabled,
    PendingDeletion,
}
