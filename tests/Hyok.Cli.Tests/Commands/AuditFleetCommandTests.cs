using System.Globalization;
using Hyok.Auditing;
using Hyok.Cli.Tests.Support;
using Hyok.Storage.PostgreSql;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok audit verify|search|tail|export</c> with PostgreSQL storage, on chains written by the real <see cref="PostgreSqlAuditWriter"/>.</summary>
public sealed class AuditFleetCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    /// <summary>web-1 writes requests 1, 3, 5; web-2 writes 2, 4 (request n happens at 20:00:0n).</summary>
    private static async Task<PostgresConfig> TwoInstancesAsync(EmbeddedDataFolder data)
    {
        var db = await PostgresConfig.CreateMigratedAsync(data);
        await using var a = await PostgreSqlAuditWriter.OpenAsync(db.Connector, "web-1");
        await using var b = await PostgreSqlAuditWriter.OpenAsync(db.Connector, "web-2");
        for (int n = 1; n <= 5; n++)
        {
            await (n % 2 == 1 ? a : b).AppendAsync(Event(n), CancellationToken.None);
        }

        return db;
    }

    [Fact]
    public async Task Verify_TwoInstanceChains_OkForEachAndInTotal()
    {
        await using var db = await TwoInstancesAsync(data);

        var result = await data.Cli.RunAsync("audit", "verify", "--config", db.ConfigFile);

        CliAssert.Succeeded(result);
        Assert.Matches(@"^OK: instance 'web-1': 3 records, chain intact\. Head: record 3 [0-9a-f]{64}\.\n", result.Stdout);
        Assert.Contains("OK: instance 'web-2': 2 records, chain intact. Head: record 2 ", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith($"OK: 5 records in 2 instance chain(s) in 127.0.0.1:{db.Database.Port}/{db.Database.Name} as {db.Database.User} (SSL mode Prefer), every chain intact.\n",
            result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordTamperedInSql_ExitOneNamingInstanceAndSeq()
    {
        await using var db = await TwoInstancesAsync(data);
        await db.Database.ExecuteAsync("UPDATE audit_records SET line = replace(line, '\"status\":200', '\"status\":201') WHERE instance_id = 'web-2' AND seq = 1");

        var result = await data.Cli.RunAsync("audit", "verify", "--config", db.ConfigFile);
        var narrowed = await data.Cli.RunAsync("audit", "verify", "--instance", "web-1", "--config", db.ConfigFile);

        CliAssert.UserError(result, "audit trail broken in instance 'web-2': record 2 (audit_records instance 'web-2' line 2): prev hash does not match record 1");
        Assert.Contains("OK: instance 'web-1': 3 records, chain intact.", result.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(narrowed);
        Assert.DoesNotContain("web-2", narrowed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadThenVerifyHead_NewestRecordDeleted_TruncationNamedOnlyWithTheHead()
    {
        await using var db = await TwoInstancesAsync(data);
        Hyok.Storage.MasterKey.CreateFile(Path.Combine(Path.GetDirectoryName(db.ConfigFile)!, "master.key")).Dispose();
        string heads = Path.Combine(Path.GetDirectoryName(db.ConfigFile)!, "heads.jsonl");

        var head = await data.Cli.RunAsync("audit", "head", "--out", heads, "--config", db.ConfigFile);
        var intact = await data.Cli.RunAsync("audit", "verify", "--head", heads, "--config", db.ConfigFile);
        await db.Database.ExecuteAsync("DELETE FROM audit_records WHERE instance_id = 'web-1' AND seq = 3");
        var withoutHead = await data.Cli.RunAsync("audit", "verify", "--config", db.ConfigFile);
        var withHead = await data.Cli.RunAsync("audit", "verify", "--head", heads, "--config", db.ConfigFile);
        File.WriteAllText(heads, File.ReadAllText(heads).Replace("\"seq\":3", "\"seq\":2", StringComparison.Ordinal));
        var edited = await data.Cli.RunAsync("audit", "verify", "--head", heads, "--config", db.ConfigFile);

        CliAssert.Succeeded(head);
        Assert.Contains("Wrote the head (record 3 of instance 'web-1'), the head (record 2 of instance 'web-2') to ", head.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(intact);
        Assert.Contains("(instance 'web-1', record 3) is still in the trail, unchanged.", intact.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(withoutHead);
        CliAssert.UserError(withHead, "audit trail broken: instance 'web-1': record 3 of the signed head of ");
        Assert.Contains("is missing: records were removed (truncation)", withHead.Stderr, StringComparison.Ordinal);
        CliAssert.UserError(edited, "are not all validly signed heads of the PostgreSQL trail");
    }

    [Fact]
    public async Task VerifyFrom_OldestRowsDeletedForRetention_ChecksEachChainFromItsAnchor()
    {
        await using var db = await TwoInstancesAsync(data);
        Hyok.Storage.MasterKey.CreateFile(Path.Combine(Path.GetDirectoryName(db.ConfigFile)!, "master.key")).Dispose();
        string anchors = Path.Combine(Path.GetDirectoryName(db.ConfigFile)!, "anchors.jsonl");
        CliAssert.Succeeded(await data.Cli.RunAsync("audit", "head", "--out", anchors, "--config", db.ConfigFile));
        await using (var writer = await PostgreSqlAuditWriter.OpenAsync(db.Connector, "web-1"))
        {
            await writer.AppendAsync(Event(6), CancellationToken.None);
        }

        await db.Database.ExecuteAsync("DELETE FROM audit_records WHERE seq <= CASE instance_id WHEN 'web-1' THEN 2 ELSE 1 END");
        var withoutAnchors = await data.Cli.RunAsync("audit", "verify", "--config", db.ConfigFile);
        var fromAnchors = await data.Cli.RunAsync("audit", "verify", "--from", anchors, "--config", db.ConfigFile);
        var heads = await data.Cli.RunAsync("audit", "head", "--from", anchors, "--config", db.ConfigFile);
        File.WriteAllText(anchors + ".twice", File.ReadAllText(anchors) + File.ReadAllText(anchors));
        var twice = await data.Cli.RunAsync("audit", "verify", "--from", anchors + ".twice", "--config", db.ConfigFile);
        await db.Database.ExecuteAsync("DELETE FROM audit_records WHERE instance_id = 'web-2'");
        var chainGone = await data.Cli.RunAsync("audit", "verify", "--from", anchors, "--config", db.ConfigFile);

        Assert.Equal(1, withoutAnchors.ExitCode); // one line per broken chain
        Assert.Contains("the trail starts at record 3: records 1..2 were deleted", withoutAnchors.Stderr, StringComparison.Ordinal);
        CliAssert.Succeeded(fromAnchors);
        Assert.Contains("OK: instance 'web-1': 2 records from record 3, through the anchor (record 3 of ", fromAnchors.Stdout, StringComparison.Ordinal);
        Assert.Contains("), chain intact. Head: record 4 ", fromAnchors.Stdout, StringComparison.Ordinal);
        Assert.Contains("OK: instance 'web-2': 1 records from record 2, through the anchor (record 2 of ", fromAnchors.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(heads);
        Assert.Contains("\"seq\":4", heads.Stdout, StringComparison.Ordinal);
        CliAssert.UserError(twice, "name instance 'web-1' more than once");
        CliAssert.UserError(chainGone, "instance 'web-2': no record at or after the anchor (record 2 in postgresql:web-2) is left");
    }

    [Fact]
    public async Task Search_TwoInstances_SpansTheFleetInTimeOrder()
    {
        await using var db = await TwoInstancesAsync(data);

        var table = await data.Cli.RunAsync("audit", "search", "--config", db.ConfigFile);
        var json = await data.Cli.RunAsync("audit", "search", "--json", "--since", "2026-11-28T20:00:02Z", "--config", db.ConfigFile);
        var webTwo = await data.Cli.RunAsync("audit", "search", "--instance", "web-2", "--json", "--config", db.ConfigFile);

        CliAssert.Succeeded(table);
        var lines = table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^TIME +INSTANCE +SEQ +OPERATION", lines[0]);
        Assert.Equal(["web-1 1 req-1", "web-2 1 req-2", "web-1 2 req-3", "web-2 2 req-4", "web-1 3 req-5"],
            lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(f => $"{f[1]} {f[2]} {f[9]}"));
        CliAssert.Succeeded(json);
        var rows = (await db.Database.ScalarAsync<string[]>("SELECT array_agg(line ORDER BY line_time) FROM audit_records"))[1..];
        Assert.Equal(rows, json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        CliAssert.Succeeded(webTwo);
        Assert.Equal(2, webTwo.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"kmsRequestId\":\"req-4\"", webTwo.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TailAndExport_Fleet_LastRecordsAcrossInstancesAndRawLines()
    {
        await using var db = await TwoInstancesAsync(data);

        var tail = await data.Cli.RunAsync("audit", "tail", "-n", "2", "--json", "--config", db.ConfigFile);
        var export = await data.Cli.RunAsync("audit", "export", "--instance", "web-1", "--config", db.ConfigFile);

        CliAssert.Succeeded(tail);
        var last = tail.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, last.Length);
        Assert.Contains("\"kmsRequestId\":\"req-4\"", last[0], StringComparison.Ordinal);
        Assert.Contains("\"kmsRequestId\":\"req-5\"", last[1], StringComparison.Ordinal);
        CliAssert.Succeeded(export);
        var chain = await db.Database.ScalarAsync<string[]>("SELECT array_agg(line ORDER BY seq) FROM audit_records WHERE instance_id = 'web-1'");
        Assert.Equal(string.Concat(chain.Select(l => l + "\n")), export.Stdout);
    }

    [Fact]
    public async Task Search_InstanceWithFileTrail_UserError()
    {
        var result = await data.Cli.RunAsync("audit", "search", "--instance", "web-1");

        CliAssert.UserError(result, "--instance applies to the audit trail in PostgreSQL (Hyok:Storage:Provider postgresql)");
    }

    private static AuditEvent Event(int n) => new()
    {
        Time = new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero).AddSeconds(n),
        KeyStore = "default",
        XksOperation = "Encrypt",
        ExternalKeyId = "key-1",
        KmsRequestId = "req-" + n.ToString(CultureInfo.InvariantCulture),
        AwsPrincipalArn = "arn:aws:iam::123456789012:role/app",
        Status = 200,
        Outcome = "OK",
        LatencyMilliseconds = 1.5,
    };
}
