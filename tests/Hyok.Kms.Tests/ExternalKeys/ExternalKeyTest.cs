using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Hyok.Kms.ExternalKeyStores;
using Hyok.Kms.Tests.CustomKeyStores;
using Hyok.Kms.Tests.ExternalKeyStores.Support;

namespace Hyok.Kms.Tests.ExternalKeys;

/// <summary>Base of the tests of KMS keys in an external key store: a connected store of the proxy's alpha and keys in it.</summary>
public abstract class ExternalKeyTest<TProxy>(TProxy proxy) : ExternalKeyStoreTest<TProxy>(proxy)
    where TProxy : HyokProxy
{
    protected static readonly Dictionary<string, string> Context = new() { ["tenant"] = "acme", ["purpose"] = "xks-test" };

    /// <summary>Plaintext recognisable in any byte string it might leak into.</summary>
    protected static byte[] Sentinel() => "xks-sentinel-plaintext-4b1d-9c2e"u8.ToArray();

    /// <summary>A CONNECTED store reached with <paramref name="settings"/> (another credential, or another endpoint).</summary>
    protected async Task<string> CreateConnectedStoreAsync(XksProxySettings settings, string name)
    {
        var response = await Kms.CreateCustomKeyStoreAsync(new CreateCustomKeyStoreRequest
        {
            CustomKeyStoreName = name,
            CustomKeyStoreType = CustomKeyStoreType.EXTERNAL_KEY_STORE,
            XksProxyConnectivity = XksProxyConnectivityType.PUBLIC_ENDPOINT,
            XksProxyUriEndpoint = settings.UriEndpoint,
            XksProxyUriPath = settings.UriPath,
            XksProxyAuthenticationCredential = new XksProxyAuthenticationCredentialType
            {
                AccessKeyId = settings.AccessKeyId,
                RawSecretAccessKey = settings.Secret,
            },
        });
        Assert.Equal(ConnectionStateType.CONNECTED, (await ConnectAsync(response.CustomKeyStoreId)).ConnectionState);
        return response.CustomKeyStoreId;
    }

    protected async Task<KeyMetadata> CreateXksKeyAsync(string storeId, string xksKeyId) =>
        (await Kms.CreateKeyAsync(new CreateKeyRequest
        {
            Origin = OriginType.EXTERNAL_KEY_STORE,
            CustomKeyStoreId = storeId,
            XksKeyId = xksKeyId,
            Description = "xks test key",
        })).KeyMetadata;

    /// <summary>A connected store and a KMS key in it on a fresh external key (which the test may change at will).</summary>
    protected async Task<(string StoreId, KeyMetadata Key, string XksKeyId)> CreateStoreAndKeyAsync()
    {
        string storeId = await CreateConnectedStoreAsync();
        string xksKeyId = Proxy.CreateKey();
        return (storeId, await CreateXksKeyAsync(storeId, xksKeyId), xksKeyId);
    }

    protected Task<EncryptResponse> EncryptAsync(string keyId, byte[] plaintext, Dictionary<string, string>? context = null) =>
        Kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = new MemoryStream(plaintext), EncryptionContext = context ?? Context });

    protected Task<DecryptResponse> DecryptAsync(MemoryStream blob, Dictionary<string, string>? context = null) =>
        Kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(blob.ToArray()), EncryptionContext = context ?? Context });

    /// <summary>Asserts the call fails with KMSInvalidStateException whose message contains <paramref name="gist"/>.</summary>
    protected static async Task AssertInvalidStateAsync(string gist, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<KMSInvalidStateException>(call);
        Assert.Contains(gist, e.Message, StringComparison.Ordinal);
    }
}
