using Hyok.Protocol;

namespace Hyok.Cli.Conformance;

/// <summary>Encrypt errors, round trips, CDIV, sizes and answer shape: xks-spec.md §12 items 10 and 13-16 (§4.2, §5.4).</summary>
internal static class EncryptChecks
{
    /// <summary>The AAD of the spec examples (<c>project=nile,department=marketing</c>).</summary>
    public static readonly byte[] Aad = "project=nile,department=marketing"u8.ToArray();

    public static IEnumerable<ConformanceCheck> All(ConformanceSettings settings)
    {
        yield return new("10a", "encrypt: unknown key", async probe =>
            Expect.Error(await probe.EncryptAsync("non_existing_key", ConformanceProbe.Random(16), null).ConfigureAwait(false), 404, "KeyNotFoundException"));
        yield return new("10b", "encrypt: missing plaintext", async probe =>
        {
            var body = ConformanceBodies.Encrypt([], null);
            body.Remove("plaintext");
            return Expect.Error(await probe.SendAsync($"keys/{probe.Target.KeyId}/encrypt", body).ConfigureAwait(false), 400, "ValidationException");
        });
        foreach (var check in CommonChecks.BadCredentials("10c", "10d", "encrypt", "keys/{key}/encrypt", () => ConformanceBodies.Encrypt(ConformanceProbe.Random(16), null)))
        {
            yield return check;
        }

        yield return CommonChecks.UnknownPrefix("10e", "encrypt", "keys/{key}/encrypt", () => ConformanceBodies.Encrypt(ConformanceProbe.Random(16), null));
        yield return new("13a", "round trip without AAD", probe => RoundTripAsync(probe, 32, null));
        yield return new("13b", "round trip with AAD", probe => RoundTripAsync(probe, 32, Aad));
        yield return new("14a", "encrypt with SHA_256 CDIV, no AAD", probe => RoundTripAsync(probe, 32, null, cdiv: true));
        yield return new("14b", "encrypt with SHA_256 CDIV and AAD", probe => RoundTripAsync(probe, 32, Aad, cdiv: true));
        yield return new("15a", "round trip: 4096-byte plaintext, 8192-byte AAD", probe =>
            RoundTripAsync(probe, 4096, ConformanceProbe.Random(XksLimits.SpecMinimumAadBytes)));
        yield return settings.All
            ? new("15b", "round trip: 4300-byte plaintext (spec minimum), 8192-byte AAD", probe =>
                RoundTripAsync(probe, XksLimits.SpecMinimumPlaintextBytes, ConformanceProbe.Random(XksLimits.SpecMinimumAadBytes), cdiv: true))
            : ConformanceCheck.Skipped("15b", "round trip: 4300-byte plaintext (spec minimum), 8192-byte AAD", "slow/optional: run with --all");
        yield return new("16", "encrypt answer shape: IV 12/16, tag 16, ciphertext = plaintext length, metadata <= 20, padded Base64", async probe =>
        {
            var (data, verdict) = await probe.EncryptRandomAsync(ConformanceProbe.Random(100), Aad).ConfigureAwait(false);
            return data is null ? verdict : CheckVerdict.Pass("a well-formed answer", $"IV {data.InitializationVector.Length}, tag 16, ciphertext 100, metadata {data.CiphertextMetadata?.Length ?? 0} bytes");
        });
    }

    /// <summary>Encrypts random plaintext, checks the CDIV when asked for (xks-spec.md §5.4), decrypts and compares.</summary>
    private static async Task<CheckVerdict> RoundTripAsync(ConformanceProbe probe, int length, byte[]? aad, bool cdiv = false)
    {
        var plaintext = ConformanceProbe.Random(length);
        var (data, verdict) = await probe.EncryptRandomAsync(plaintext, aad, cdiv).ConfigureAwait(false);
        if (data is null)
        {
            return verdict;
        }

        if (cdiv)
        {
            const string expected = "ciphertextDataIntegrityValue = Base64(SHA-256(AAD || metadata || IV || ciphertext || tag))";
            if (data.IntegrityValue is null)
            {
                return CheckVerdict.Fail(expected, "no ciphertextDataIntegrityValue in the answer");
            }

            if (data.IntegrityValue != data.ExpectedIntegrityValue(aad))
            {
                return CheckVerdict.Fail(expected, "a ciphertextDataIntegrityValue that does not match the formula");
            }
        }

        var decrypted = await probe.DecryptMatchesAsync(data, plaintext, aad).ConfigureAwait(false);
        return cdiv && decrypted.Outcome == CheckOutcome.Pass
            ? CheckVerdict.Pass("CDIV as §5.4, round trip 200", $"CDIV matches, {decrypted.Actual}")
            : decrypted;
    }
}
