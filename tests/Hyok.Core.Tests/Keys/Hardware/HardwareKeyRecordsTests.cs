using Hyok.Keys;
using Hyok.Keys.Hardware;
using Hyok.Keys.Software;
using Hyok.Storage;
using Microsoft.Data.Sqlite;

namespace Hyok.Core.Tests.Keys.Hardware;

public sealed class HardwareKeyRecordsTests : IDisposable
{
    private readonly TestStore _store = new();

    [Fact]
    public void Add_ThenList_RecordIsEnabledInItsKeyStore()
    {
        var records = new HardwareKeyRecords(_store.Database);

        records.Add("hsm-1", "alpha");
        records.Add("hsm-2", "beta");

        Assert.Equal(["hsm-1"], records.List("alpha").Select(r => r.Id));
        Assert.Equal(KeyState.Enabled, records.Find("hsm-2")!.State);
        Assert.Null(records.Find("nope"));
    }

    [Theory]
    [InlineData("bad id")]
    [InlineData("hyok:health")]
    [InlineData("")]
    public void Add_InvalidId_Refused(string id)
    {
        Assert.Throws<KeyManagementException>(() => new HardwareKeyRecords(_store.Database).Add(id, "alpha"));
    }

    [Fact]
    public void Add_Duplicate_Refused()
    {
        var records = new HardwareKeyRecords(_store.Database);
        records.Add("hsm-1", "alpha");

        Assert.Throws<KeyManagementException>(() => records.Add("hsm-1", "beta"));
    }

    [Fact]
    public async Task SetState_FromAnotherConnection_ReachesTheDirectoryWithoutRestart()
    {
        var directory = new StoredKeyDirectory(_store.Watcher);
        var records = new HardwareKeyRecords(_store.Database);
        records.Add("hsm-1", "alpha");
        await WaitAsync(() => directory.Find("hsm-1")?.State == KeyState.Enabled);

        records.SetState("hsm-1", KeyState.Disabled);

        await WaitAsync(() => directory.Find("hsm-1")?.State == KeyState.Disabled);
        Assert.Equal("alpha", directory.Find("hsm-1")!.KeyStore);
    }

    [Fact]
    public void Row_EditedBehindHyoksBack_IsUnavailable()
    {
        var records = new HardwareKeyRecords(_store.Database);
        records.Add("hsm-1", "alpha");
        records.SetState("hsm-1", KeyState.Disabled);

        using (var connection = new SqliteConnection($"Data Source={_store.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE hardware_keys SET state = 'enabled'";
            command.ExecuteNonQuery();
        }

        _store.Watcher.Refresh();
        Assert.Null(new StoredKeyDirectory(_store.Watcher).Find("hsm-1"));
        Assert.Contains(_store.Watcher.Problems, p => p.Contains("hsm-1", StringComparison.Ordinal));
    }

    private static async Task WaitAsync(Func<bool> condition) =>
        Assert.True(await Eventually.WithinAsync(TimeSpan.FromSeconds(5), condition), "the change did not reach the directory");

    public void Dispose() => _store.Dispose();
}
