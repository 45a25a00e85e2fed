using System.Security.Cryptography;
using Hyok.Kms.CustomKeyStores;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Keys;
using Hyok.Kms.Protocol;

namespace Hyok.Kms.Operations;

/// <summary>
/// CreateKey with Origin EXTERNAL_KEY_STORE (xks-spec.md §10.2, §11): a well-formed <c>XksKeyId</c>; the custom key store
/// exists (CustomKeyStoreNotFoundException) and is CONNECTED (CustomKeyStoreInvalidStateException); no key of the store
/// uses the external key yet (XksKeyAlreadyInUseException); GetKeyMetadata through the store's proxy with
/// <c>kmsOperation=CreateKey</c>, the caller's principal and the call's request id accepts the key (XksKey*Exception).
/// The key is stored with fresh inner material of its own, sealed like AWS_KMS material (the inner layer of the
/// double encryption).
/// </summary>
internal sealed class ExternalKeyCreation(KmsContext context)
{
    private readonly Lock _inUse = new();

    public async ValueTask<KmsKey> CreateAsync(KmsCall call, string customKeyStoreId, string xksKeyId, string description)
    {
        if (XksKeyCheck.CheckKeyId(xksKeyId) is { } invalid)
        {
            throw new KmsException(invalid);
        }

        var store = context.Database.FindKeyStore(customKeyStoreId) ?? throw new KmsException(KeyStoreErrors.NotFound(customKeyStoreId));
        if (!store.IsConnected)
        {
            throw new KmsException(KeyStoreErrors.InvalidState(
                $"Custom key store '{store.Id}' is {store.ConnectionState}. Connect it before you create KMS keys in it."));
        }

        RequireUnused(store.Id, xksKeyId);
        if (await XksKeyCheck.CheckAsync(context.Proxies.For(store), xksKeyId, call.Caller.PrincipalArn, call.RequestId, call.CancellationToken)
            .ConfigureAwait(false) is { } rejected)
        {
            throw new KmsException(rejected);
        }

        var id = Guid.NewGuid();
        var key = new KmsKey(id, context.Arns.Key(id), KmsKeyOrigin.ExternalKeyStore, KmsKeyState.Enabled, description, context.Time.GetUtcNow(),
            CustomKeyStoreId: store.Id, XksKeyId: xksKeyId);
        byte[] material = GC.AllocateArray<byte>(32, pinned: true);
        try
        {
            RandomNumberGenerator.Fill(material);
            lock (_inUse)
            {
                // Checked again: another CreateKey may have taken the external key while this one asked the proxy.
                RequireUnused(store.Id, xksKeyId);
                context.Database.InsertKey(key, material);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }

        return key;
    }

    private void RequireUnused(string storeId, string xksKeyId)
    {
        if (context.Database.FindKeyByXksKeyId(storeId, xksKeyId) is { } existing)
        {
            throw new KmsException(XksKeyCheck.AlreadyInUse(xksKeyId, existing.KeyId));
        }
    }
}
