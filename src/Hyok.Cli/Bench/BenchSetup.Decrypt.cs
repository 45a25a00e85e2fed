using System.Text.Json;
using Hyok.Cli.Commands;
using Hyok.Protocol;

namespace Hyok.Cli.Bench;

/// <summary>Decrypt needs a ciphertext: encrypt once, decrypt once to check the round trip, then repeat that decrypt.</summary>
internal sealed partial class BenchSetup
{
    private async Task<RequestTemplate> DecryptRequestAsync(byte[] plaintext, byte[] aad)
    {
        EncryptResponse encrypted;
        using (var response = await SendAsync(BenchBodies.Encrypt(target.KeyId, plaintext, aad)).ConfigureAwait(false))
        {
            if (await ResponseErrors.NameAsync(response, cancellationToken).ConfigureAwait(false) is { } error)
            {
                throw new CliException($"Decrypt needs one ciphertext first, but Encrypt of key '{target.KeyId}' answered {error}.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            encrypted = JsonSerializer.Deserialize(body, XksJsonContext.Default.EncryptResponse)!;
        }

        var decrypt = BenchBodies.Decrypt(target.KeyId, encrypted, aad);
        using var check = await SendAsync(decrypt).ConfigureAwait(false);
        if (await ResponseErrors.NameAsync(check, cancellationToken).ConfigureAwait(false) is { } checkError)
        {
            throw new CliException($"Decrypt of the ciphertext just made by key '{target.KeyId}' answered {checkError}.");
        }

        var decrypted = JsonSerializer.Deserialize(await check.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), XksJsonContext.Default.DecryptResponse);
        return decrypted is not null && Convert.FromBase64String(decrypted.Plaintext).AsSpan().SequenceEqual(plaintext)
            ? decrypt
            : throw new CliException($"Decrypt with key '{target.KeyId}' did not return the plaintext it was given to encrypt.");
    }
}
