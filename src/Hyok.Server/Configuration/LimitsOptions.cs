namespace Hyok.Server.Configuration;

/// <summary>Size limits above the spec minimums (<c>Hyok:Limits</c>, xks-spec.md §5.1).</summary>
public sealed class LimitsOptions
{
    /// <summary>Largest plaintext (Encrypt) or ciphertext (Decrypt) in bytes; at least 4300.</summary>
    public int MaxPlaintextBytes { get; set; } = 8192;

    /// <summary>Largest additionalAuthenticatedData in bytes; between 8192 and 65535.</summary>
    public int MaxAadBytes { get; set; } = 16384;
}
