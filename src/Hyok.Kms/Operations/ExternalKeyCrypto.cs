using System.Security.Cryptography;
using Hyok.Kms.Crypto;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Keys;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>
/// The double encryption of EXTERNAL_KEY_STORE keys (xks-spec.md §11, docs/kms-emulator.md, "External key store keys"): the inner layer
/// under the KMS key's own material (<see cref="DoubleEnvelope"/>), the outer one by the key store's proxy under the
/// external key, both in an <see cref="ExternalCiphertextBlob"/>. Every proxy call carries the caller's principal,
/// the key ARN, the API as kmsOperation and the API call's request id. Proxy failures become KMSInvalidStateException
/// (§6.4). The caller (<see cref="KeyCrypto"/>) has checked that the key is enabled.
/// </summary>
internal sealed class ExternalKeyCrypto(KmsContext context)
{
    public async ValueTask<byte[]> EncryptAsync(KmsKey key, IReadOnlyDictionary<string, string> encryptionContext, byte[] plaintext, KmsCall call)
    {
        var caller = ConnectedCaller(key);
        byte[] header = CiphertextBlob.Header(ExternalCiphertextBlob.Version2, key.Id);
        byte[] inner, check;
        byte[] material = OpenMaterial(key);
        try
        {
            inner = DoubleEnvelope.SealInner(material, header, key.Arn, encryptionContext, plaintext);
            check = DoubleEnvelope.ContextCheck(material, header, key.Arn, encryptionContext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }

        var result = await caller.EncryptAsync(key.XksKeyId!, RequestContext(key, call), inner, DoubleEnvelope.OuterAad(header, key.Arn),
            requestIntegrityValue: true, call.CancellationToken).ConfigureAwait(false);
        return result.IsSuccess
            ? new ExternalCiphertextBlob(key.Id, check, result.Value).ToBytes()
            : throw new KmsException(XksFailureMapping.ForCryptographicOperation(result.Failure));
    }

    /// <summary>
    /// Checks the encryption context against the blob's context check (InvalidCiphertextException, the proxy is not
    /// called), has the proxy remove the outer layer, then opens the inner one (KMSInvalidStateException if it does not).
    /// </summary>
    public async ValueTask<byte[]> DecryptAsync(KmsKey key, ExternalCiphertextBlob blob, IReadOnlyDictionary<string, string> encryptionContext, KmsCall call)
    {
        var caller = ConnectedCaller(key);
        byte[] header = blob.Header;
        byte[] material = OpenMaterial(key);
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(blob.ContextCheck, DoubleEnvelope.ContextCheck(material, header, key.Arn, encryptionContext)))
            {
                throw new KmsException(KmsErrors.InvalidCiphertext());
            }

            var result = await caller.DecryptAsync(key.XksKeyId!, RequestContext(key, call), blob.Outer, DoubleEnvelope.OuterAad(header, key.Arn),
                call.CancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                throw new KmsException(XksFailureMapping.ForCryptographicOperation(result.Failure));
            }

            try
            {
                return DoubleEnvelope.TryOpenInner(material, header, key.Arn, encryptionContext, result.Value, out byte[]? plaintext)
                    ? plaintext
                    : throw new KmsException(XksFailureMapping.InvalidCiphertextFromProxy);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(result.Value);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>The proxy caller of the key's store; KMSInvalidStateException unless the store is CONNECTED (the key is Unavailable).</summary>
    private XksProxyCaller ConnectedCaller(KmsKey key)
    {
        var store = context.Database.FindKeyStore(key.CustomKeyStoreId!);
        return store is { IsConnected: true }
            ? context.Proxies.For(store)
            : throw new KmsException(KmsErrors.InvalidState(
                $"{key.Arn} is unavailable: its custom key store {key.CustomKeyStoreId} is {store?.ConnectionState ?? "gone"}, not CONNECTED."));
    }

    private byte[] OpenMaterial(KmsKey key) => context.Database.OpenMaterial(key.Id) ?? throw new KmsException(KmsErrors.Internal());

    private static XksRequestContext RequestContext(KmsKey key, KmsCall call) =>
        new(call.Operation, call.Caller.PrincipalArn, key.Arn, call.RequestId);
}
