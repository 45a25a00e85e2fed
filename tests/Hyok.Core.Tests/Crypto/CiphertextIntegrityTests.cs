using System.Security.Cryptography;

namespace Hyok.Crypto;

/// <summary>The one-shot CDIV (xks-spec.md §5.4) against an incremental SHA-256 of the same parts, across the stack/pool boundary.</summary>
public sealed class CiphertextIntegrityTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 32)]
    [InlineData(64, 32)]
    [InlineData(0, 483)]
    [InlineData(0, 484)]
    [InlineData(8192, 4300)]
    [InlineData(65535, 8192)]
    public void Compute_AnySizes_EqualsIncrementalSha256OfTheConcatenation(int aadBytes, int ciphertextBytes)
    {
        byte[] aad = RandomNumberGenerator.GetBytes(aadBytes);
        byte[] iv = RandomNumberGenerator.GetBytes(12);
        byte[] ciphertext = RandomNumberGenerator.GetBytes(ciphertextBytes);
        byte[] tag = RandomNumberGenerator.GetBytes(16);
        using var reference = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (byte[] part in new[] { aad, CiphertextMetadataFormat.Current(), iv, ciphertext, tag })
        {
            reference.AppendData(part);
        }

        byte[] expected = reference.GetHashAndReset();
        Span<byte> onStack = stackalloc byte[32];
        CiphertextIntegrity.Compute(aad, CiphertextMetadataFormat.CurrentBytes, iv, ciphertext, tag, onStack);

        Assert.Equal(expected, CiphertextIntegrity.Compute(aad, CiphertextMetadataFormat.Current(), iv, ciphertext, tag));
        Assert.Equal(expected, onStack.ToArray());
    }

    [Fact]
    public void CurrentBase64_IsTheBase64OfCurrent()
    {
        Assert.Equal(CiphertextMetadataFormat.CurrentBase64, Convert.ToBase64String(CiphertextMetadataFormat.Current()));
        Assert.Equal(CiphertextMetadataFormat.Current(), CiphertextMetadataFormat.CurrentBytes.ToArray());
    }
}
