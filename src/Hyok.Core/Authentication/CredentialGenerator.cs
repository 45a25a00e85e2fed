using System.Security.Cryptography;

namespace Hyok.Authentication;

/// <summary>Makes new random XKS credentials in the formats of xks-spec.md §7.2.</summary>
public static class CredentialGenerator
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>26 random Base32 characters (130 bits); reveals nothing about the secret.</summary>
    public static string NewAccessKeyId() => RandomNumberGenerator.GetString(Base32Alphabet, 26);

    /// <summary>Base64 of 32 random bytes: 44 characters, 256 bits of entropy (xks-spec.md §7.2).</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
