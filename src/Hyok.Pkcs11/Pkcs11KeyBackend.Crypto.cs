using System.Security.Cryptography;
using Hyok.Keys;
using Hyok.Protocol;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Net.Pkcs11Interop.HighLevelAPI.MechanismParams;

namespace Hyok.Pkcs11;

/// <summary>
/// AES-256-GCM on the token (xks-spec.md §5.1): the IV is generated here (12 bytes, RandomNumberGenerator);
/// the token returns ciphertext||tag, split here, and gets ciphertext||tag back for decrypt.
/// </summary>
public sealed partial class Pkcs11KeyBackend
{
    private const int IvSize = 12;
    private const int TagSize = 16;

    /// <inheritdoc />
    public async ValueTask<XksResult<GcmSealed>> EncryptAsync(string keyId, int keyVersion, ReadOnlyMemory<byte> plaintext, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken)
    {
        if (UsableRecord(keyId, keyVersion) is { } refused)
        {
            // Only a version retired between lookup and use (two rotations and a retire in between) is not live here.
            return refused.Code == XksErrorCode.InvalidCiphertextException
                ? new XksError(XksErrorCode.InternalException, "The key version changed during the request; retry.")
                : refused;
        }

        byte[] input = plaintext.ToArray();
        byte[] aad = gcmAad.ToArray();
        try
        {
            return await _token.RunAsync((session, generation) =>
                WithKey(session, generation, KeyVersionLabels.For(keyId, keyVersion), KeyUsage.Encrypt, key => Seal(session, key, input, aad)), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Also when the call was abandoned at the deadline and still runs: what it then encrypts is discarded.
            CryptographicOperations.ZeroMemory(input);
        }
    }

    /// <inheritdoc />
    public async ValueTask<XksResult<byte[]>> DecryptAsync(string keyId, int keyVersion, GcmSealed sealedData, ReadOnlyMemory<byte> gcmAad, CancellationToken cancellationToken)
    {
        if (UsableRecord(keyId, keyVersion) is { } refused)
        {
            return refused;
        }

        if (sealedData?.Ciphertext is null
            || sealedData.InitializationVector is not { Length: IvSize or 16 }
            || sealedData.AuthenticationTag is not { Length: TagSize })
        {
            return XksError.Of(XksErrorCode.InvalidCiphertextException);
        }

        byte[] aad = gcmAad.ToArray();
        return await _token.RunAsync((session, generation) =>
            WithKey(session, generation, KeyVersionLabels.For(keyId, keyVersion), KeyUsage.Decrypt, key => Open(session, key, sealedData, aad)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Unknown key → KeyNotFound; disabled in Hyok's record → InvalidState; a version never made or retired →
    /// InvalidCiphertext, before the token is touched (decision 0010); null when the record allows use.
    /// </summary>
    private XksError? UsableRecord(string keyId, int keyVersion)
    {
        var record = FindRecord(keyId);
        if (!record.IsSuccess)
        {
            return record.Error;
        }

        return record.Value switch
        {
            null => XksError.Of(XksErrorCode.KeyNotFoundException),
            { State: not KeyState.Enabled } => XksError.Of(XksErrorCode.InvalidStateException),
            { } found when !found.IsLive(keyVersion) => XksError.Of(XksErrorCode.InvalidCiphertextException),
            _ => null,
        };
    }

    private static XksResult<GcmSealed> Seal(ISession session, IObjectHandle key, byte[] plaintext, byte[] aad)
    {
        byte[] iv = RandomNumberGenerator.GetBytes(IvSize);
        using var parameters = GcmParameters(iv, aad);
        using var mechanism = Pkcs11Module.Factories.MechanismFactory.Create(CKM.CKM_AES_GCM, parameters);
        byte[] output = session.Encrypt(mechanism, key, plaintext);
        if (output.Length != plaintext.Length + TagSize)
        {
            return XksError.Of(XksErrorCode.InternalException);
        }

        return new GcmSealed(output[..^TagSize], iv, output[^TagSize..]);
    }

    private static XksResult<byte[]> Open(ISession session, IObjectHandle key, GcmSealed sealedData, byte[] aad)
    {
        byte[] input = [.. sealedData.Ciphertext, .. sealedData.AuthenticationTag];
        using var parameters = GcmParameters(sealedData.InitializationVector, aad);
        using var mechanism = Pkcs11Module.Factories.MechanismFactory.Create(CKM.CKM_AES_GCM, parameters);
        byte[] plaintext;
        try
        {
            plaintext = session.Decrypt(mechanism, key, input);
        }
        catch (Pkcs11Exception e) when (CkrErrorMapping.MayBeTagMismatch(e.RV))
        {
            _ = session.GetSessionInfo(); // Throws the token's own error when it is gone rather than the data being wrong.
            return XksError.Of(XksErrorCode.InvalidCiphertextException);
        }

        return plaintext.Length == sealedData.Ciphertext.Length ? plaintext : XksError.Of(XksErrorCode.InvalidCiphertextException);
    }

    private static ICkGcmParams GcmParameters(byte[] iv, byte[] aad) =>
        Pkcs11Module.Factories.MechanismParamsFactory.CreateCkGcmParams(iv, (ulong)iv.Length * 8, aad, TagSize * 8);
}
