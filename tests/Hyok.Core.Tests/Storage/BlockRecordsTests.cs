using Hyok.Authorization;
using Hyok.Keys;
using Hyok.Keys.Software;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Storage;

public sealed class BlockRecordsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly MasterKey _key = MasterKey.Generate();
    private readonly HyokDatabase _database;
    private readonly BlockRecords _blocks;

    public BlockRecordsTests()
    {
        _database = HyokDatabase.Open(_directory.File("hyok.db"), _key, timeProvider: _clock);
        _blocks = new BlockRecords(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _key.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Set_NewTargets_ListedWithWhatWasGiven()
    {
        var (key, keyUpdated) = _blocks.Set(BlockKind.Key, "k1", Start.AddHours(2), "incident 42");
        var (principal, _) = _blocks.Set(BlockKind.Principal, "AWS Internal");

        Assert.False(keyUpdated);
        Assert.Equal([key, principal], _blocks.List());
        Assert.Equal(new Block(key.Id, BlockKind.Key, "k1", Start, Start.AddHours(2), "incident 42"), key);
        Assert.True(principal.Id > key.Id);
        Assert.Null(principal.Until);
    }

    [Fact]
    public void Set_SameTargetAgain_UpdatesEndAndReasonKeepsIdAndCreation()
    {
        var (first, _) = _blocks.Set(BlockKind.Service, "ebs", Start.AddHours(1), "first");
        _clock.Advance(TimeSpan.FromMinutes(5));

        var (second, updated) = _blocks.Set(BlockKind.Service, "ebs", null, "second");

        Assert.True(updated);
        Assert.Equal(first with { Until = null, Reason = "second" }, second);
        Assert.Equal([second], _blocks.List());
    }

    [Fact]
    public void Set_SameValueOtherKind_IsAnotherBlock()
    {
        _blocks.Set(BlockKind.Key, "shared");
        var (other, updated) = _blocks.Set(BlockKind.KeyStore, "shared");

        Assert.False(updated);
        Assert.Equal(2, _blocks.List().Count);
        Assert.Equal(BlockKind.KeyStore, other.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Set_EndNotInFuture_Refused(int seconds)
    {
        var error = Assert.Throws<KeyManagementException>(() => _blocks.Set(BlockKind.Key, "k1", Start.AddSeconds(seconds)));

        Assert.Contains("not in the future", error.Message, StringComparison.Ordinal);
        Assert.Empty(_blocks.List());
    }

    [Theory]
    [InlineData(BlockKind.Principal, "", "empty")]
    [InlineData(BlockKind.Principal, "   ", "empty")]
    [InlineData(BlockKind.Principal, "arn:aws:iam::1:user/a\n", "control characters")]
    [InlineData(BlockKind.Service, "e\u0000bs", "control characters")]
    [InlineData(BlockKind.Service, " ebs", "white space")]
    [InlineData(BlockKind.Key, "bad id!", "not a valid key id")]
    [InlineData(BlockKind.KeyStore, "bad/store", "not a valid key store name")]
    public void Set_InvalidValue_RefusedWithReason(BlockKind kind, string value, string expected)
    {
        var error = Assert.Throws<KeyManagementException>(() => _blocks.Set(kind, value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_ValueOrReasonOverLimit_Refused()
    {
        string longest = "arn:" + new string('a', BlockRecords.MaxLength - 4);

        _blocks.Set(BlockKind.Principal, longest);

        Assert.Throws<KeyManagementException>(() => _blocks.Set(BlockKind.Principal, longest + "a"));
        Assert.Throws<KeyManagementException>(() => _blocks.Set(BlockKind.Principal, "p", reason: new string('r', BlockRecords.MaxLength + 1)));
        Assert.Throws<KeyManagementException>(() => _blocks.Set(BlockKind.Principal, "p", reason: "two\nlines"));
    }

    [Fact]
    public void Remove_ByTarget_ReturnsItAndOnlyItGoes()
    {
        var (removed, _) = _blocks.Set(BlockKind.Key, "k1");
        var (kept, _) = _blocks.Set(BlockKind.Key, "k2");

        Assert.Equal(removed, _blocks.Remove(BlockKind.Key, "k1"));
        Assert.Null(_blocks.Remove(BlockKind.Key, "k1"));
        Assert.Null(_blocks.Remove(BlockKind.Principal, "k2"));
        Assert.Equal([kept], _blocks.List());
    }

    [Fact]
    public void Remove_ById_ReturnsItOrNull()
    {
        var (block, _) = _blocks.Set(BlockKind.KeyStore, "ks1");

        Assert.Equal(block, _blocks.Remove(block.Id));
        Assert.Null(_blocks.Remove(block.Id));
        Assert.Empty(_blocks.List());
    }

    [Fact]
    public void List_AfterReopen_BlocksSurvive()
    {
        var (block, _) = _blocks.Set(BlockKind.Key, "k1", Start.AddDays(1), "kept");

        using var reopened = HyokDatabase.Open(_database.Location, _key, createIfMissing: false, timeProvider: _clock);

        Assert.Equal([block], new BlockRecords(reopened).List());
    }

    [Fact]
    public void Open_SchemaVersion2Database_MigratesToBlocksAndKeepsKeys()
    {
        new SoftwareKeyStore(_database).CreateKey("old-key", "ks1", KeyUsage.EncryptDecrypt);
        using (var connection = _database.OpenConnection())
        {
            // What a database written by the build before blocks looks like.
            SchemaDowngrade.ToVersion3(connection);
            Sql.Execute(connection, null, "DROP TABLE blocks");
            Sql.Execute(connection, null, "DELETE FROM schema_version WHERE version > 2");
        }

        using var migrated = HyokDatabase.Open(_database.Location, _key, createIfMissing: false, timeProvider: _clock);
        var (block, _) = new BlockRecords(migrated).Set(BlockKind.Key, "old-key");

        using var check = migrated.OpenConnection();
        Assert.Equal(HyokSchema.CurrentVersion, Sql.Scalar<long>(check, null, "SELECT max(version) FROM schema_version"));
        Assert.Equal([block], new BlockRecords(migrated).List());
        Assert.Equal("old-key", Assert.Single(new SoftwareKeyStore(migrated).ListKeys()).Id);
    }
}
