namespace Hyok.Cli.Conformance;

/// <summary>Decrypt must refuse a wrong AAD and any tampering: xks-spec.md §12 items 11, 12 and 17 (§5.2, §5.3).</summary>
internal static class DecryptChecks
{
    private static readonly byte[] OtherAad = "project=blue,department=finance"u8.ToArray();

    public static IEnumerable<ConformanceCheck> All()
    {
        yield return Refused("11", "encrypt with AAD → decrypt without AAD", EncryptChecks.Aad, data => (data, null));
        yield return Refused("12", "encrypt with AAD → decrypt with different AAD", EncryptChecks.Aad, data => (data, OtherAad));
        yield return Refused("17a", "decrypt with one bit of the ciphertext flipped", null, data => (data with { Ciphertext = Flip(data.Ciphertext) }, null));
        yield return Refused("17b", "decrypt with one bit of the IV flipped", null, data => (data with { InitializationVector = Flip(data.InitializationVector) }, null));
        yield return Refused("17c", "decrypt with one bit of the tag flipped", null, data => (data with { AuthenticationTag = Flip(data.AuthenticationTag) }, null));
        yield return Refused("17d", "decrypt with one bit of ciphertextMetadata flipped", null, data =>
            data.CiphertextMetadata is { Length: > 0 } metadata ? (data with { CiphertextMetadata = Flip(metadata) }, null) : null);
        yield return Refused("17e", "decrypt with ciphertextMetadata dropped", null, data =>
            data.CiphertextMetadata is { Length: > 0 } ? (data with { CiphertextMetadata = null }, null) : null);
    }

    /// <summary>Encrypts, changes what <paramref name="tamper"/> changes, and expects 400 InvalidCiphertextException; null from it: nothing to change.</summary>
    private static ConformanceCheck Refused(string id, string name, byte[]? aad, Func<EncryptedData, (EncryptedData Data, byte[]? Aad)?> tamper) =>
        new(id, name, async probe =>
        {
            var (data, verdict) = await probe.EncryptRandomAsync(ConformanceProbe.Random(32), aad).ConfigureAwait(false);
            if (data is null)
            {
                return verdict;
            }

            if (tamper(data) is not var (changed, decryptAad))
            {
                return CheckVerdict.Skip("the proxy returns no ciphertextMetadata");
            }

            return Expect.Error(await probe.DecryptAsync(probe.Target.KeyId, changed, decryptAad).ConfigureAwait(false), 400, "InvalidCiphertextException");
        });

    private static byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }
}
