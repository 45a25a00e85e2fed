using Hyok.Auditing;

namespace Hyok.Storage.PostgreSql;

/// <summary><see cref="PostgreSqlAuditVerifier"/>: rows edited or deleted in SQL are named (instance, seq).</summary>
public sealed class PostgreSqlAuditVerifierTests
{
    private static async Task<PostgreSqlAuditTestDatabase> TwoChainsAsync()
    {
        var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using var a = await db.OpenAsync("web-1");
        await using var b = await db.OpenAsync("web-2");
        await PostgreSqlAuditTestDatabase.AppendAsync(a, 1, 5);
        await PostgreSqlAuditTestDatabase.AppendAsync(b, 1, 5);
        return db;
    }

    [Fact]
    public async Task VerifyAsync_LineEditedInSql_NamesInstanceAndNextSeq()
    {
        await using var db = await TwoChainsAsync();
        await db.Db.Database.ExecuteAsync("UPDATE audit_records SET line = replace(line, '\"outcome\":\"OK\"', '\"outcome\":\"AccessDenied\"') WHERE instance_id = 'web-2' AND seq = 3");

        var results = await db.VerifyAsync();

        Assert.True(results[0].IsValid, results[0].Result.Problem);
        Assert.Equal("web-2", results[1].InstanceId);
        Assert.Equal(4, results[1].Result.Seq);
        Assert.Equal(PostgreSqlAuditVerifier.Source("web-2"), results[1].Result.File);
        Assert.Contains("prev hash does not match record 3", results[1].Result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_RowDeletedInSql_NamesTheGap()
    {
        await using var db = await TwoChainsAsync();
        await db.Db.Database.ExecuteAsync("DELETE FROM audit_records WHERE instance_id = 'web-1' AND seq = 2");

        var results = await db.VerifyAsync();

        Assert.Equal(("web-1", 3L), (results[0].InstanceId, results[0].Result.Seq));
        Assert.Contains("records 2..2 were deleted", results[0].Result.Problem, StringComparison.Ordinal);
        Assert.True(results[1].IsValid, results[1].Result.Problem);
    }

    [Fact]
    public async Task VerifyAsync_PrevColumnEditedInSql_NamesThatRecord()
    {
        await using var db = await TwoChainsAsync();
        await db.Db.Database.ExecuteAsync($"UPDATE audit_records SET prev = '{new string('f', 64)}' WHERE instance_id = 'web-1' AND seq = 4");

        var results = await db.VerifyAsync();

        Assert.Equal(4, results[0].Result.Seq);
        Assert.Contains("do not match its line", results[0].Result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FromAnchor_OldestRowsDeleted_ChecksTheRowsAfterIt()
    {
        await using var db = await PostgreSqlAuditTestDatabase.CreateAsync();
        await using (var writer = await db.OpenAsync("web-1"))
        {
            await PostgreSqlAuditTestDatabase.AppendAsync(writer, 1, 5);
        }

        var anchor = PostgreSqlAuditHeads.For("web-1", (await db.VerifyAsync())[0].Result.Head);
        await using (var writer = await db.OpenAsync("web-1"))
        {
            await PostgreSqlAuditTestDatabase.AppendAsync(writer, 6, 3);
        }

        await db.Db.Database.ExecuteAsync("DELETE FROM audit_records WHERE instance_id = 'web-1' AND seq <= 4");
        var withoutAnchor = await db.VerifyAsync();
        var fromAnchor = await PostgreSqlAuditVerifier.VerifyAsync(db.Connector, null, [anchor]);
        await db.Db.Database.ExecuteAsync("DELETE FROM audit_records WHERE instance_id = 'web-1'");
        var nothingLeft = await PostgreSqlAuditVerifier.VerifyAsync(db.Connector, null, [anchor]);

        Assert.Contains("the trail starts at record 5", withoutAnchor[0].Result.Problem, StringComparison.Ordinal);
        Assert.True(fromAnchor[0].IsValid, fromAnchor[0].Result.Problem);
        Assert.Equal((4L, 5L, 8L), (fromAnchor[0].Result.Count, fromAnchor[0].Result.FirstSeq, fromAnchor[0].Result.Head.Seq));
        Assert.Equal("web-1", nothingLeft.Single().InstanceId);
        Assert.StartsWith("no record at or after the anchor (record 5 in postgresql:web-1) is left", nothingLeft[0].Result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_LastLineNotJson_NamesIt()
    {
        await using var db = await TwoChainsAsync();
        await db.Db.Database.ExecuteAsync("UPDATE audit_records SET line = 'not json' WHERE instance_id = 'web-2' AND seq = 5");

        var results = await db.VerifyAsync();

        Assert.Equal(("web-2", 5L), (results[1].InstanceId, results[1].Result.Seq));
        Assert.Contains("not valid JSON", results[1].Result.Problem, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AuditUnavailableException>(() => db.OpenAsync("web-2"));
    }
}
