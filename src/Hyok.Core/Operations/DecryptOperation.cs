using Hyok.Crypto;
using Hyok.Keys;
using Hyok.Protocol;

namespace Hyok.Operations;

/// <summary>
/// Decrypt (xks-spec.md §4.3). Well-formed inputs that cannot be a Hyok ciphertext (unknown metadata
/// format or key version, IV not 12/16 bytes, tag not 16 bytes) or that fail GCM are InvalidCiphertextException
/// (§14.2). The key version comes from the metadata (<see cref="CiphertextMetadataFormat"/>, decision 0010).
/// </summary>
public sealed class DecryptOperation(IKeyBackend backend, BackendDeadline deadline)
{
    /// <summary>Decrypts under <paramref name="key"/>, already found and authorized for this request (<see cref="Authorization.KeyAccess"/>).</summary>
    public async ValueTask<XksResult<byte[]>> ExecuteAsync(KeyDescriptor key, DecryptCommand command, CancellationToken cancellationToken)
    {
        var keyId = key.Id;
        if (KeyResolver.CheckUsable(key, KeyUsage.Decrypt) is { } unusable)
        {
            return unusable;
        }

        if (command.CiphertextMetadata is not { } metadata
            || !CiphertextMetadataFormat.TryReadVersion(metadata, out int keyVersion)
            || keyVersion > key.CurrentVersion
            || command.InitializationVector.Length is not (12 or 16)
            || command.AuthenticationTag.Length != 16)
        {
            return XksError.Of(XksErrorCode.InvalidCiphertextException);
        }

        var gcmAad = GcmAad.Build(command.AdditionalAuthenticatedData, metadata);
        var sealedData = new GcmSealed(command.Ciphertext, command.InitializationVector, command.AuthenticationTag);
        return await deadline.RunAsync(ct => backend.DecryptAsync(keyId, keyVersion, sealedData, gcmAad, ct), cancellationToken).ConfigureAwait(false);
    }
}
