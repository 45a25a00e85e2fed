using System.Security.Cryptography;
using Hyok.Protocol;
using Hyok.Storage;

namespace Hyok.Keys.Software;

/// <summary>The AES-256-GCM work of <see cref="SoftwareKeyBackend"/>: the key version's material from the snapshot, then seal or open.</summary>
public sealed partial class SoftwareKeyBackend
{
    private XksResult<GcmSealed> Encrypt(string keyId, int keyVersion, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> gcmAad, CancellationToken cancellationToken)
    {
        try
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return XksResult<GcmSealed>.Failure(XksErrorCode.DependencyTimeoutException);
            }

            using var lease = _watcher.Acquire();
            var usable = UsableKey(lease.Snapshot, keyId, KeyUsage.Encrypt);
            if (!usable.IsSuccess)
            {
                return usable.ErrorAs<GcmSealed>();
            }

            // Only a version retired between lookup and use (two rotations and a retire in between) is missing here.
            return usable.Value.MaterialOf(keyVersion) is { } material
                ? Seal(material, plaintext, gcmAad)
                : XksResult<GcmSealed>.Failure(new XksError(XksErrorCode.InternalException, "The key version changed during the request; retry."));
        }
#pragma warning disable CA1031 // Backend boundary: every fault becomes a value.
        catch (Exception)
#pragma warning restore CA1031
        {
            return XksResult<GcmSealed>.Failure(XksErrorCode.InternalException);
        }
    }

    private XksResult<byte[]> Decrypt(string keyId, int keyVersion, GcmSealed sealedData, ReadOnlySpan<byte> gcmAad, CancellationToken cancellationToken)
    {
        try
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return XksResult<byte[]>.Failure(XksErrorCode.DependencyTimeoutException);
            }

            using var lease = _watcher.Acquire();
            var usable = UsableKey(lease.Snapshot, keyId, KeyUsage.Decrypt);
            if (!usable.IsSuccess)
            {
                return usable.ErrorAs<byte[]>();
            }

            // A version never made or retired is InvalidCiphertext before any key use (decision 0010).
            if (usable.Value.MaterialOf(keyVersion) is not { } material
                || sealedData?.Ciphertext is null
                || sealedData.InitializationVector is not { Length: IvSize }
                || sealedData.AuthenticationTag is not { Length: TagSize })
            {
                return XksResult<byte[]>.Failure(XksErrorCode.InvalidCiphertextException);
            }

            return Open(material, sealedData, gcmAad);
        }
#pragma warning disable CA1031 // Backend boundary: every fault becomes a value.
        catch (Exception)
#pragma warning restore CA1031
        {
            return XksResult<byte[]>.Failure(XksErrorCode.InternalException);
        }
    }

    private static XksResult<StoredKey> UsableKey(StoreSnapshot snapshot, string keyId, KeyUsage needed)
    {
        if (keyId is null || !snapshot.Keys.TryGetValue(keyId, out var key))
        {
            return XksResult<StoredKey>.Failure(XksErrorCode.KeyNotFoundException);
        }

        if (key.Descriptor.State != KeyState.Enabled)
        {
            return XksResult<StoredKey>.Failure(XksErrorCode.InvalidStateException);
        }

        return (key.Descriptor.Usage & needed) == needed
            ? XksResult<StoredKey>.Success(key)
            : XksResult<StoredKey>.Failure(XksErrorCode.InvalidKeyUsageException);
    }

    private static GcmSealed Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> gcmAad)
    {
        byte[] iv = RandomNumberGenerator.GetBytes(IvSize);
        byte[] ciphertext = new byte[plaintext.Length];
        byte[] tag = new byte[TagSize];
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(iv, plaintext, ciphertext, tag, gcmAad);
        return new GcmSealed(ciphertext, iv, tag);
    }

    private static XksResult<byte[]> Open(byte[] key, GcmSealed sealedData, ReadOnlySpan<byte> gcmAad)
    {
        byte[] plaintext = new byte[sealedData.Ciphertext.Length];
        try
        {
            using var gcm = new AesGcm(key, TagSize);
            gcm.Decrypt(sealedData.InitializationVector, sealedData.Ciphertext, sealedData.AuthenticationTag, plaintext, gcmAad);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return XksResult<byte[]>.Failure(XksErrorCode.InvalidCiphertextException);
        }
    }
}
