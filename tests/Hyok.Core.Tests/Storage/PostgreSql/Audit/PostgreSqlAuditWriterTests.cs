using Hyok.Auditing;

namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="PostgreSqlAuditWriter"/> against the real test cluster: group commit, chains per instance, resume.</summary>
public sealed class PostgreSqlAuditWriterTests
{
    [Fact]
    public async Task AppendAsync_ConcurrentAppends_OneRowEachSeqOneToNChainVerifies()
    {
        const int N = 300;
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using (var writer = await db.OpenAsync())
        {
            await Task.WhenAll(Enumerable.Range(1, N).Select(n => Task.Run(() => writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None).AsTask())));
            Assert.Equal(N, writer.RecordsWritten);
            Assert.InRange(writer.Batches, 1, N);
        }

        var rows = await db.RowsAsync();
        var result = Assert.Single(await db.VerifyAsync());

        Assert.Equal(Enumerable.Range(1, N).Select(n => (long)n), rows.Select(r => r.Seq));
        Assert.Equal(N, rows.Select(r => r.Line).Distinct().Count());
        Assert.True(result.IsValid, result.Result.Problem);
        Assert.Equal(("web-1", (long)N), (result.InstanceId, result.Result.Count));
        Assert.Equal(AuditChain.Hash(System.Text.Encoding.UTF8.GetBytes(rows[^1].Line)), result.Result.Head.Hash);
    }

    [Fact]
    public async Task OpenAsync_ExistingChain_NewWriterContinuesIt()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using (var first = await db.OpenAsync())
        {
            await PostgreSqlAuditTestDatabase.AppendAsync(first, 1, 3);
        }

        await using (var second = await db.OpenAsync())
        {
            await PostgreSqlAuditTestDatabase.AppendAsync(second, 4, 2);
        }

        var rows = await db.RowsAsync();
        var result = Assert.Single(await db.VerifyAsync());

        Assert.Equal([1L, 2, 3, 4, 5], rows.Select(r => r.Seq));
        Assert.Equal(AuditChain.Hash(System.Text.Encoding.UTF8.GetBytes(rows[2].Line)), rows[3].Prev);
        Assert.True(result.IsValid, result.Result.Problem);
        Assert.Equal(5, result.Result.Count);
    }

    [Fact]
    public async Task AppendAsync_TwoInstances_TwoChainsBothVerify()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using (var a = await db.OpenAsync("web-1"))
        await using (var b = await db.OpenAsync("web-2"))
        {
            await Task.WhenAll(PostgreSqlAuditTestDatabase.AppendAsync(a, 1, 4), PostgreSqlAuditTestDatabase.AppendAsync(b, 100, 3));
        }

        var results = await db.VerifyAsync();

        Assert.Equal(["web-1", "web-2"], results.Select(r => r.InstanceId));
        Assert.All(results, r => Assert.True(r.IsValid, r.Result.Problem));
        Assert.Equal([4L, 3], results.Select(r => r.Result.Count));
        Assert.Equal(AuditChain.GenesisHash, (await db.RowsAsync("web-2"))[0].Prev);
    }

    [Fact]
    public async Task AppendAsync_SameEventsAsFileTrail_ByteIdenticalLines()
    {
        var events = new[]
        {
            AuditTestTrail.Event(1),
            AuditTestTrail.Event(2) with { KmsRequestId = "unicode é ✓ 🔑 \"quote\" cr\rnul\u0000", Decision = "deny" },
            AuditTestTrail.Event(3, "AccessDenied"),
        };
        using var trail = new AuditTestTrail();
        await using (var file = trail.Open())
        {
            foreach (var e in events)
            {
                await file.AppendAsync(e, CancellationToken.None);
            }
        }

        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using (var writer = await db.OpenAsync())
        {
            foreach (var e in events)
            {
                await writer.AppendAsync(e, CancellationToken.None);
            }
        }

        var rows = await db.RowsAsync();
        var result = Assert.Single(await db.VerifyAsync());

        Assert.Equal(trail.Lines(), rows.Select(r => r.Line));
        Assert.True(result.IsValid, result.Result.Problem);
        Assert.Equal(AuditVerifier.Verify(trail.Directory).Head.Hash, result.Result.Head.Hash);
    }

    [Fact]
    public async Task AppendAsync_Line_HoldsOnlyTheAuditEventFieldsAndNoSecrets()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using (var writer = await db.OpenAsync())
        {
            await PostgreSqlAuditTestDatabase.AppendAsync(writer, 1, 1);
        }

        var line = (await db.RowsAsync())[0].Line;
        var names = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject().Select(p => p.Key).ToList();

        Assert.Equal(["seq", "prev", "time", "keyStore", "xksOperation", "externalKeyId", "kmsRequestId", "kmsOperation", "awsPrincipalArn", "status", "outcome", "latencyMs"], names);
        Assert.DoesNotContain(typeof(AuditEvent).GetProperties(), p =>
            new[] { "plaintext", "ciphertext", "aad", "secret", "signature", "material", "pin" }.Any(s => p.Name.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }
}
