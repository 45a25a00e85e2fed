using System.Security.Cryptography;

namespace Hyok.Cli.Conformance;

/// <summary>Encrypt and Decrypt calls with random plaintext, and the round trip most crypto checks build on.</summary>
internal sealed partial class ConformanceProbe
{
    public static byte[] Random(int length) => RandomNumberGenerator.GetBytes(length);

    public Task<XksAnswer> EncryptAsync(string keyId, byte[] plaintext, byte[]? aad, bool cdiv = false) =>
        SendAsync($"keys/{keyId}/encrypt", ConformanceBodies.Encrypt(plaintext, aad, cdiv));

    public Task<XksAnswer> DecryptAsync(string keyId, EncryptedData encrypted, byte[]? aad) =>
        SendAsync($"keys/{keyId}/decrypt", ConformanceBodies.Decrypt(encrypted, aad));

    /// <summary>Encrypts random plaintext with the target key: the decoded answer, or the verdict that it failed.</summary>
    public async Task<(EncryptedData? Data, CheckVerdict Verdict)> EncryptRandomAsync(byte[] plaintext, byte[]? aad, bool cdiv = false, string? keyId = null)
    {
        var answer = await EncryptAsync(keyId ?? target.KeyId, plaintext, aad, cdiv).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return (null, CheckVerdict.Fail("encrypt: 200", $"encrypt: {answer.Describe()}"));
        }

        var data = EncryptedData.Parse(answer, plaintext.Length, out var problem);
        return data is null
            ? (null, CheckVerdict.Fail("encrypt: a well-formed answer (xks-spec.md §4.2)", $"encrypt: {problem}"))
            : (data, CheckVerdict.Pass("encrypt: 200", "encrypt: 200"));
    }

    /// <summary>Decrypts and compares with the plaintext (compared here, never printed).</summary>
    public async Task<CheckVerdict> DecryptMatchesAsync(EncryptedData data, byte[] plaintext, byte[]? aad)
    {
        var answer = await DecryptAsync(target.KeyId, data, aad).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            return CheckVerdict.Fail("decrypt: 200, the same plaintext", $"decrypt: {answer.Describe()}");
        }

        var returned = answer.Json()?["plaintext"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && Hyok.Protocol.StrictBase64.TryDecode(answer.Json()!["plaintext"]!.GetValue<string>(), out var bytes) ? bytes : null;
        return returned is null ? CheckVerdict.Fail("decrypt: 200, plaintext as padded Base64", "decrypt: 200 without a Base64 plaintext")
            : CryptographicOperations.FixedTimeEquals(returned, plaintext) ? CheckVerdict.Pass("200, the same plaintext", $"200, the same {plaintext.Length}-byte plaintext")
            : CheckVerdict.Fail("decrypt: the same plaintext", $"decrypt: 200 with a different {returned.Length}-byte plaintext");
    }
}
