using Hyok.Authentication;
using Hyok.Storage;

namespace Hyok.Keys.Software;

public sealed class SoftwareKeyStoreCredentialTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AddCredential_ValidStore_GeneratesSpecFormats()
    {
        var credential = _store.Store.AddCredential("ks1");

        Assert.Equal("ks1", credential.KeyStore);
        Assert.True(CredentialFormat.IsValidAccessKeyId(credential.AccessKeyId));
        Assert.True(CredentialFormat.IsValidSecret(credential.Secret));
        Assert.DoesNotContain(credential.Secret, credential.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ListCredentials_TwoStores_FilteredAndWithoutSecrets()
    {
        var first = _store.Store.AddCredential("ks1");
        var second = _store.Store.AddCredential("ks1");
        var other = _store.Store.AddCredential("ks2");

        Assert.Equal(3, _store.Store.ListCredentials().Count);
        Assert.Equal(
            new[] { first.AccessKeyId, second.AccessKeyId }.Order(),
            _store.Store.ListCredentials("ks1").Select(c => c.AccessKeyId).Order());
        var listed = Assert.Single(_store.Store.ListCredentials("ks2"));
        Assert.Equal(new CredentialInfo("ks2", other.AccessKeyId, other.CreatedAt), listed);
    }

    [Fact]
    public void RemoveCredential_Existing_GoneFromList()
    {
        var credential = _store.Store.AddCredential("ks1");

        _store.Store.RemoveCredential("ks1", credential.AccessKeyId);

        Assert.Empty(_store.Store.ListCredentials());
    }

    [Fact]
    public void RemoveCredential_OtherKeyStore_RefusedAndKept()
    {
        var credential = _store.Store.AddCredential("ks1");

        var error = Assert.Throws<KeyManagementException>(() => _store.Store.RemoveCredential("ks2", credential.AccessKeyId));

        Assert.Equal($"no credential '{credential.AccessKeyId}' in key store 'ks2'", error.Message);
        Assert.Single(_store.Store.ListCredentials("ks1"));
    }

    [Fact]
    public void ImportCredential_ValidFormats_StoredAndLookedUp()
    {
        string accessKeyId = CredentialGenerator.NewAccessKeyId();
        string secret = CredentialGenerator.NewSecret();

        var info = _store.Store.ImportCredential("ks1", accessKeyId, secret);

        Assert.Equal(accessKeyId, info.AccessKeyId);
        Assert.Equal(secret, new StoredCredentialLookup(_store.Watcher).FindSecret("ks1", accessKeyId));
    }

    [Theory]
    [InlineData("short", "0123456789012345678901234567890123456789abc")]
    [InlineData("AKIDLOWERCASEabcdefghij", "0123456789012345678901234567890123456789abc")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWX", "too-short")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWX", "0123456789012345678901234567890123456789ab!")]
    public void ImportCredential_InvalidFormat_Rejected(string accessKeyId, string secret)
    {
        Assert.Throws<KeyManagementException>(() => _store.Store.ImportCredential("ks1", accessKeyId, secret));
        Assert.Empty(_store.Store.ListCredentials());
    }

    [Fact]
    public void ImportCredential_DuplicateAccessKeyId_RefusedEvenInOtherStore()
    {
        var credential = _store.Store.AddCredential("ks1");

        var error = Assert.Throws<KeyManagementException>(
            () => _store.Store.ImportCredential("ks2", credential.AccessKeyId, CredentialGenerator.NewSecret()));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCredential_InvalidKeyStore_Rejected()
    {
        Assert.Throws<KeyManagementException>(() => _store.Store.AddCredential("bad name"));
    }
}
