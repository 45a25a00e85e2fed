using Hyok.Auditing;

namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="PostgreSqlAuditReader"/>: the fleet's records in time order, one instance's chain, batches, tail and follow.</summary>
public sealed class PostgreSqlAuditReaderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>web-1 writes events 1, 3, 5; web-2 writes 2, 4, 6 (event n happens at base + n s).</summary>
    private static async Task<PostgreSqlAuditTestDatabase> InterleavedAsync()
    {
        var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var a = await db.OpenAsync("web-1");
        await using var b = await db.OpenAsync("web-2");
        for (int n = 1; n <= 6; n++)
        {
            await (n % 2 == 1 ? a : b).AppendAsync(AuditTestTrail.Event(n), CancellationToken.None);
        }

        return db;
    }

    [Fact]
    public async Task SearchAsync_TwoInstances_SpansTheFleetInTimeOrder()
    {
        await using var db = await InterleavedAsync();

        var records = await ToListAsync(new PostgreSqlAuditReader(db.Connector).SearchAsync(new AuditFilter(), null));

        Assert.Equal(["req-1", "req-2", "req-3", "req-4", "req-5", "req-6"], records.Select(r => r.Event.KmsRequestId));
        Assert.Equal([("web-1", 1L), ("web-2", 1L), ("web-1", 2L), ("web-2", 2L), ("web-1", 3L), ("web-2", 3L)], records.Select(r => (r.File, r.Seq)));
        Assert.Equal((await db.RowsAsync("web-2"))[0].Line, records[1].Raw);
    }

    [Fact]
    public async Task SearchAsync_FilterAndInstance_AppliesTheFileTrailFilter()
    {
        await using var db = await InterleavedAsync();
        var reader = new PostgreSqlAuditReader(db.Connector);
        var since = new DateTimeOffset(2026, 11, 28, 20, 0, 3, TimeSpan.Zero);

        var fromThree = await ToListAsync(reader.SearchAsync(new AuditFilter { Since = since }, null));
        var webTwoKey = await ToListAsync(reader.SearchAsync(new AuditFilter { Key = "key-1" }, "web-2"));

        Assert.Equal(["req-3", "req-4", "req-5", "req-6"], fromThree.Select(r => r.Event.KmsRequestId));
        Assert.Equal(["req-4"], webTwoKey.Select(r => r.Event.KmsRequestId));
    }

    [Fact]
    public async Task SearchAsync_MoreThanOneBatch_ReturnsEveryRecordOnce()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        int total = PostgreSqlAuditReader.BatchSize + 150;
        await using (var a = await db.OpenAsync("web-1"))
        await using (var b = await db.OpenAsync("web-2"))
        {
            // Concurrent appends: group commit keeps this quick; several records share a time (same second), so the keyset's instance and seq matter.
            await Task.WhenAll(Enumerable.Range(1, total).Select(n => (n % 2 == 0 ? a : b).AppendAsync(AuditTestTrail.Event(n / 10), CancellationToken.None).AsTask()));
        }

        var records = await ToListAsync(new PostgreSqlAuditReader(db.Connector).SearchAsync(new AuditFilter(), null));

        Assert.Equal(total, records.Count);
        Assert.Equal(total, records.Select(r => (r.File, r.Seq)).Distinct().Count());
        Assert.Equal(records.OrderBy(r => r.Event.Time).ThenBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Seq).Select(r => (r.File, r.Seq)), records.Select(r => (r.File, r.Seq)));
    }

    [Fact]
    public async Task TailThenFollow_NewRecordsOfKnownAndNewInstances_YieldsOnlyTheNewOnes()
    {
        await using var db = await InterleavedAsync();
        var reader = new PostgreSqlAuditReader(db.Connector);

        var tail = await reader.TailAsync(3, null);
        using var stop = new CancellationTokenSource(Bound);
        var followed = new List<AuditRecord>();
        var follow = Task.Run(async () =>
        {
            await foreach (var record in reader.FollowAsync(tail.Ends, TimeSpan.FromMilliseconds(50), null, stop.Token))
            {
                followed.Add(record);
                if (followed.Count == 2)
                {
                    await stop.CancelAsync();
                }
            }
        });
        await using (var a = await db.OpenAsync("web-1"))
        await using (var c = await db.OpenAsync("web-3"))
        {
            await a.AppendAsync(AuditTestTrail.Event(7), CancellationToken.None);
            await c.AppendAsync(AuditTestTrail.Event(8), CancellationToken.None);
        }

        await follow.WaitAsync(Bound);

        Assert.Equal(["req-4", "req-5", "req-6"], tail.Records.Select(r => r.Event.KmsRequestId));
        Assert.Equal(new Dictionary<string, long> { ["web-1"] = 3, ["web-2"] = 3 }, tail.Ends);
        Assert.Equal(["req-7", "req-8"], followed.Select(r => r.Event.KmsRequestId));
    }

    private static async Task<List<AuditRecord>> ToListAsync(IAsyncEnumerable<AuditRecord> records)
    {
        var list = new List<AuditRecord>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }
}
