using System.Security.Cryptography;
using Hyok.Crypto;
using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>
/// Encrypt (xks-spec.md §4.2): AES-256-GCM under the external key with the §5.3 AAD construction.
/// With a CDIV request the order of §5.4 is kept: encrypt, hash at once, then verify-decrypt, so an
/// encrypt-only key cannot serve CDIV requests (InvalidKeyUsageException).
/// </summary>
public sealed class EncryptOperation(IKeyBackend backend, BackendDeadline deadline)
{
    /// <summary>Encrypts under <paramref name="key"/>, already found and authorized for this request (<see cref="Authorization.KeyAccess"/>).</summary>
    public async ValueTask<XksResult<EncryptResponse>> ExecuteAsync(KeyDescriptor key, EncryptCommand command, CancellationToken cancellationToken)
    {
        var keyId = key.Id;
        var required = command.WantsIntegrityValue ? KeyUsage.EncryptDecrypt : KeyUsage.Encrypt;
        if (KeyResolver.CheckUsable(key, required) is { } unusable)
        {
            return unusable;
        }

        // The version is fixed here, from the key as found: the metadata naming it is in the AAD before the backend runs (§5.3).
        var keyVersion = key.CurrentVersion;
        var metadata = CiphertextMetadataFormat.ForVersion(keyVersion);
        var gcmAad = GcmAad.Build(command.AdditionalAuthenticatedData, metadata);
        var encrypted = await deadline.RunAsync(ct => backend.EncryptAsync(keyId, keyVersion, command.Plaintext, gcmAad, ct), cancellationToken).ConfigureAwait(false);
        if (!encrypted.IsSuccess)
        {
            return encrypted.ErrorAs<EncryptResponse>();
        }

        var output = encrypted.Value;
        string? integrityValue = null;
        if (command.WantsIntegrityValue)
        {
            var hash = IntegrityValue(command.AdditionalAuthenticatedData, metadata, output);
            if (await VerifyDecryptAsync(keyId, keyVersion, output, gcmAad, command.Plaintext, cancellationToken).ConfigureAwait(false) is { } verifyError)
            {
                return verifyError;
            }

            integrityValue = hash;
        }

        return new EncryptResponse(
            Convert.ToBase64String(output.AuthenticationTag),
            Convert.ToBase64String(output.Ciphertext),
            integrityValue,
            Convert.ToBase64String(metadata),
            Convert.ToBase64String(output.InitializationVector));
    }

    /// <summary>The CDIV in Base64, hashed on the stack (xks-spec.md §5.4 step 2: at once, before the verification decrypt).</summary>
    private static string IntegrityValue(byte[] additionalAuthenticatedData, byte[] metadata, GcmSealed output)
    {
        Span<byte> hash = stackalloc byte[32];
        CiphertextIntegrity.Compute(
            additionalAuthenticatedData, metadata, output.InitializationVector, output.Ciphertext, output.AuthenticationTag, hash);
        return Convert.ToBase64String(hash);
    }

    /// <summary>Step 3 of xks-spec.md §5.4: the output must decrypt back to the input before it is certified.</summary>
    private async ValueTask<XksError?> VerifyDecryptAsync(string keyId, int keyVersion, GcmSealed output, byte[] gcmAad, byte[] plaintext, CancellationToken cancellationToken)
    {
        var check = await deadline.RunAsync(ct => backend.DecryptAsync(keyId, keyVersion, output, gcmAad, ct), cancellationToken).ConfigureAwait(false);
        if (!check.IsSuccess)
        {
            return check.Error.Code == XksErrorCode.DependencyTimeoutException
                ? check.Error
                : new XksError(XksErrorCode.InternalException, "The verification decrypt of the new ciphertext failed.");
        }

        var same = CryptographicOperations.FixedTimeEquals(check.Value, plaintext);
        CryptographicOperations.ZeroMemory(check.Value);
        return same ? null : new XksError(XksErrorCode.InternalException, "The verification decrypt of the new ciphertext did not match.");
    }
}
