namespace Hyok.Cli.Conformance;

/// <summary>
/// Keys that may not do everything: encrypt-only, decrypt-only and disabled keys, xks-spec.md §12 items 18 and 19
/// (§5.2, §5.4). Each needs such a key on the proxy, named by an option; without it the check is skipped.
/// </summary>
internal static class KeyUsageChecks
{
    public static IEnumerable<ConformanceCheck> All(ConformanceSettings settings)
    {
        yield return With("18a", "encrypt-only key: encrypt", settings.EncryptOnlyKeyId, "--encrypt-only-key-id", async (probe, key) =>
            (await probe.EncryptRandomAsync(ConformanceProbe.Random(32), null, keyId: key).ConfigureAwait(false)).Verdict);
        yield return With("18b", "encrypt-only key: decrypt", settings.EncryptOnlyKeyId, "--encrypt-only-key-id", async (probe, key) =>
        {
            var (data, verdict) = await probe.EncryptRandomAsync(ConformanceProbe.Random(32), null, keyId: key).ConfigureAwait(false);
            return data is null ? verdict : Expect.Error(await probe.DecryptAsync(key, data, null).ConfigureAwait(false), 400, "InvalidKeyUsageException");
        });
        yield return With("18c", "encrypt-only key: encrypt with CDIV (needs a verification decrypt)", settings.EncryptOnlyKeyId, "--encrypt-only-key-id", async (probe, key) =>
            Expect.Error(await probe.EncryptAsync(key, ConformanceProbe.Random(32), null, cdiv: true).ConfigureAwait(false), 400, "InvalidKeyUsageException"));
        yield return With("18d", "decrypt-only key: encrypt", settings.DecryptOnlyKeyId, "--decrypt-only-key-id", async (probe, key) =>
            Expect.Error(await probe.EncryptAsync(key, ConformanceProbe.Random(32), null).ConfigureAwait(false), 400, "InvalidKeyUsageException"));
        yield return With("19a", "disabled key: metadata", settings.DisabledKeyId, "--disabled-key-id", async (probe, key) =>
            MetadataChecks.Shape(await probe.SendAsync($"keys/{key}/metadata", ConformanceBodies.Metadata()).ConfigureAwait(false), "DISABLED"));
        yield return With("19b", "disabled key: encrypt", settings.DisabledKeyId, "--disabled-key-id", async (probe, key) =>
            Expect.Error(await probe.EncryptAsync(key, ConformanceProbe.Random(32), null).ConfigureAwait(false), 400, "InvalidStateException"));
        yield return With("19c", "disabled key: decrypt", settings.DisabledKeyId, "--disabled-key-id", async (probe, key) =>
        {
            var forged = new EncryptedData(ConformanceProbe.Random(32), ConformanceProbe.Random(12), ConformanceProbe.Random(16), null, null);
            return Expect.Error(await probe.DecryptAsync(key, forged, null).ConfigureAwait(false), 400, "InvalidStateException");
        });
    }

    private static ConformanceCheck With(string id, string name, string? keyId, string option, Func<ConformanceProbe, string, Task<CheckVerdict>> run) =>
        keyId is null ? ConformanceCheck.Skipped(id, name, $"needs {option}") : new(id, name, probe => run(probe, keyId));
}
