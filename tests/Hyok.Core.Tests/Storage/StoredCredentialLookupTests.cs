namespace Hyok.Storage;

public sealed class StoredCredentialLookupTests
{
    [Fact]
    public void FindSecret_OwnKeyStore_ReturnsSecret()
    {
        using var store = new TestStore();
        var credential = store.Store.AddCredential("ks1");

        var lookup = new StoredCredentialLookup(store.Watcher);

        Assert.Equal(credential.Secret, lookup.FindSecret("ks1", credential.AccessKeyId));
    }

    [Fact]
    public void FindSecret_OtherKeyStore_Null()
    {
        using var store = new TestStore();
        var credential = store.Store.AddCredential("ks1");
        store.Store.AddCredential("ks2");

        var lookup = new StoredCredentialLookup(store.Watcher);

        Assert.Null(lookup.FindSecret("ks2", credential.AccessKeyId));
        Assert.Null(lookup.FindSecret("unknown", credential.AccessKeyId));
        Assert.Null(lookup.FindSecret("ks1", "AAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    [Fact]
    public async Task FindSecret_AddedAndRemovedBySecondInstance_TakesEffectWithinOneSecond()
    {
        using var store = new TestStore();
        var lookup = new StoredCredentialLookup(store.Watcher);
        var cli = store.OpenSecondStore();

        var credential = cli.AddCredential("ks1");
        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond, () => lookup.FindSecret("ks1", credential.AccessKeyId) == credential.Secret));

        cli.RemoveCredential("ks1", credential.AccessKeyId);
        Assert.True(await Eventually.WithinAsync(Eventually.OneSecond, () => lookup.FindSecret("ks1", credential.AccessKeyId) is null));
    }
}
