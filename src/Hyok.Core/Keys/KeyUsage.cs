namespace Hyok.Keys;

/// <summary>What an external key may be used for (xks-spec.md §4.1 keyUsage, §5.2 InvalidKeyUsageException).</summary>
[Flags]
public enum KeyUsage
{
    None = 0,
    Encrypt = 1,
    Decrypt = 2,
    EncryptDecrypt = Encrypt | Decrypt,
}
