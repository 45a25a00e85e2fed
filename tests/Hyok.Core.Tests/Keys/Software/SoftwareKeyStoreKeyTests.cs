using Hyok.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Keys.Software;

public sealed class SoftwareKeyStoreKeyTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void CreateKey_ValidId_EnabledAndShown()
    {
        var created = _store.Store.CreateKey("prod.key-1_a", "ks1", KeyUsage.EncryptDecrypt);

        Assert.Equal(new KeyDescriptor("prod.key-1_a", "ks1", KeyUsage.EncryptDecrypt, KeyState.Enabled, created.CreatedAt), created);
        Assert.Equal(created, _store.Store.GetKey("prod.key-1_a"));
    }

    [Fact]
    public void CreateKey_FakeClock_CreatedAtFromTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var key = MasterKey.Generate();
        using var database = HyokDatabase.Open(_store.Directory.File("clock.db"), key, timeProvider: clock);

        var created = new SoftwareKeyStore(database).CreateKey("k", "ks1");

        Assert.Equal(clock.GetUtcNow(), created.CreatedAt);
    }

    [Fact]
    public void ListKeys_SeveralStores_FilteredAndOrderedWithoutHealthKey()
    {
        _store.Store.CreateKey("b", "ks1", KeyUsage.EncryptDecrypt);
        _store.Store.CreateKey("a", "ks1", KeyUsage.Encrypt);
        _store.Store.CreateKey("c", "ks2", KeyUsage.Decrypt);

        Assert.Equal(["a", "b", "c"], _store.Store.ListKeys().Select(k => k.Id));
        Assert.Equal(["a", "b"], _store.Store.ListKeys("ks1").Select(k => k.Id));
        Assert.Equal(KeyUsage.Decrypt, Assert.Single(_store.Store.ListKeys("ks2")).Usage);
        Assert.Empty(_store.Store.ListKeys("none"));
    }

    [Fact]
    public void ListKeys_NewStore_Empty()
    {
        Assert.Empty(_store.Store.ListKeys());
    }

    [Fact]
    public void SetState_DisableThenEnable_StoredAndReturned()
    {
        _store.Store.CreateKey("k", "ks1");

        Assert.Equal(KeyState.Disabled, _store.Store.SetState("k", KeyState.Disabled).State);
        Assert.Equal(KeyState.Disabled, _store.Store.GetKey("k").State);
        Assert.Equal(KeyState.Enabled, _store.Store.SetState("k", KeyState.Enabled).State);
        Assert.Equal(KeyState.Enabled, _store.Store.GetKey("k").State);
    }

    [Fact]
    public void CreateKey_DuplicateId_ClearError()
    {
        _store.Store.CreateKey("k", "ks1");

        var error = Assert.Throws<KeyManagementException>(() => _store.Store.CreateKey("k", "ks2"));

        Assert.Equal("a key with id 'k' already exists", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/no")]
    [InlineData("colon:no")]
    [InlineData("hyok:health")]
    [InlineData("ünicode")]
    public void CreateKey_InvalidId_Rejected(string id)
    {
        var error = Assert.Throws<KeyManagementException>(() => _store.Store.CreateKey(id, "ks1"));

        Assert.Contains("is not a valid key id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateKey_IdLengths_128AcceptedAnd129Rejected()
    {
        _store.Store.CreateKey(new string('a', 128), "ks1");

        Assert.Throws<KeyManagementException>(() => _store.Store.CreateKey(new string('b', 129), "ks1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has.dot")]
    [InlineData("hyok:internal")]
    public void CreateKey_InvalidKeyStoreName_Rejected(string keyStore)
    {
        var error = Assert.Throws<KeyManagementException>(() => _store.Store.CreateKey("k", keyStore));

        Assert.Contains("is not a valid key store name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateKey_UsageNone_StoredAsNone()
    {
        _store.Store.CreateKey("k", "ks1", KeyUsage.None);

        Assert.Equal(KeyUsage.None, _store.Store.GetKey("k").Usage);
    }

    [Fact]
    public void CreateKey_UndefinedUsage_Rejected()
    {
        Assert.Throws<KeyManagementException>(() => _store.Store.CreateKey("k", "ks1", (KeyUsage)8));
    }

    [Fact]
    public void GetKey_Unknown_ClearError()
    {
        var error = Assert.Throws<KeyManagementException>(() => _store.Store.GetKey("nope"));

        Assert.Equal("no key with id 'nope'", error.Message);
    }

    [Fact]
    public void GetKeyAndSetState_HealthKeyId_RefusedAsInvalid()
    {
        Assert.Throws<KeyManagementException>(() => _store.Store.GetKey("hyok:health"));
        Assert.Throws<KeyManagementException>(() => _store.Store.SetState("hyok:health", KeyState.Disabled));
    }

    [Fact]
    public void SetState_Unknown_ClearError()
    {
        Assert.Throws<KeyManagementException>(() => _store.Store.SetState("nope", KeyState.Disabled));
    }
}
