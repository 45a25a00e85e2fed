using System.Globalization;
using System.Text.Json.Nodes;
using Hyok.Auditing;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok audit verify|tail|search|export|head</c> on trails written by the real writer.</summary>
public sealed class AuditCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    [Fact]
    public async Task Verify_ConfiguredTrailIntact_ExitsZeroWithCountAndHead()
    {
        var folder = Path.Combine(data.Root, "audit");
        if (!Directory.Exists(folder))
        {
            await WriteTrailAsync(folder, 7);
        }

        var result = await data.Cli.RunAsync("audit", "verify");

        CliAssert.Succeeded(result);
        var expected = AuditVerifier.Verify(folder);
        Assert.Contains($"OK: {expected.Count} records, chain intact. Head: record {expected.Head.Seq} {expected.Head.Hash} (audit-000001.jsonl).", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EditedRecord_ExitsOneNamingTheFirstBrokenRecord()
    {
        var folder = await NewTrailAsync(6);
        var file = Path.Combine(folder, "audit-000001.jsonl");
        var lines = File.ReadAllLines(file);
        lines[2] = lines[2].Replace("\"status\":200", "\"status\":201", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        var result = await data.Cli.RunAsync("audit", "verify", "--dir", folder);

        CliAssert.UserError(result, "audit trail broken: record 4 (audit-000001.jsonl line 4): prev hash does not match record 3 (audit-000001.jsonl line 3)");
    }

    [Fact]
    public async Task Search_ByRequestIdAndOutcome_PrintsTableOrRawJsonLines()
    {
        var folder = await NewTrailAsync(9);

        var table = await data.Cli.RunAsync("audit", "search", "--dir", folder, "--request-id", "req-4");
        var json = await data.Cli.RunAsync("audit", "search", "--dir", folder, "--outcome", "AccessDeniedException", "--json");
        var none = await data.Cli.RunAsync("audit", "search", "--dir", folder, "--principal", "arn:aws:iam::123456789012:role/nobody");

        CliAssert.Succeeded(table);
        var rows = table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("TIME", rows[0], StringComparison.Ordinal);
        Assert.Contains("req-4", rows[1], StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", rows[1], StringComparison.Ordinal);
        Assert.Equal("-", KeyVersionColumn(rows[0], rows[1])); // denied: no key version did any cryptography
        CliAssert.Succeeded(json);
        var seqs = json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["seq"]!.GetValue<long>());
        Assert.Equal([4L, 8], seqs);
        CliAssert.Succeeded(none);
        Assert.Empty(none.Stdout);
    }

    [Fact]
    public async Task TailAndExport_PrintTheLastRecordsAndTheRawLines()
    {
        var folder = await NewTrailAsync(5);
        var stored = File.ReadAllLines(Path.Combine(folder, "audit-000001.jsonl"));

        var tail = await data.Cli.RunAsync("audit", "tail", "--dir", folder, "-n", "2", "--json");
        var export = await data.Cli.RunAsync("audit", "export", "--dir", folder);
        var range = await data.Cli.RunAsync("audit", "export", "--dir", folder, "--since", "2026-11-28T20:00:02Z", "--until", "2026-11-28T20:00:03Z");

        CliAssert.Succeeded(tail);
        Assert.Equal(stored[3..], tail.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        CliAssert.Succeeded(export);
        Assert.Equal(string.Concat(stored.Select(l => l + "\n")), export.Stdout);
        Assert.Equal(stored[1..3], range.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Head_ThenVerifyWithHead_PassesUntilTheTrailIsTruncated()
    {
        var folder = await NewTrailAsync(4);
        var headFile = Path.Combine(folder, "..", Path.GetFileName(folder) + "-head.json");

        var head = await data.Cli.RunAsync("audit", "head", "--dir", folder, "--out", headFile);
        var verified = await data.Cli.RunAsync("audit", "verify", "--dir", folder, "--head", headFile);
        var file = Path.Combine(folder, "audit-000001.jsonl");
        File.WriteAllLines(file, File.ReadAllLines(file)[..3]);
        var truncated = await data.Cli.RunAsync("audit", "verify", "--dir", folder, "--head", headFile);
        var withoutHead = await data.Cli.RunAsync("audit", "verify", "--dir", folder);

        CliAssert.Succeeded(head);
        var json = JsonNode.Parse(File.ReadAllText(headFile))!;
        Assert.Equal(4, json["seq"]!.GetValue<long>());
        Assert.Matches("^[0-9a-f]{64}$", json["signature"]!.GetValue<string>());
        CliAssert.Succeeded(verified);
        Assert.Contains("(record 4) is still in the trail, unchanged", verified.Stdout, StringComparison.Ordinal);
        CliAssert.UserError(truncated, "the trail ends at record 3 but the head");
        CliAssert.Succeeded(withoutHead);
    }

    [Fact]
    public async Task Verify_HeadWithForgedSignature_IsUserError()
    {
        var folder = await NewTrailAsync(2);
        var headFile = folder + "-head.json";
        CliAssert.Succeeded(await data.Cli.RunAsync("audit", "head", "--dir", folder, "--out", headFile));
        var json = JsonNode.Parse(File.ReadAllText(headFile))!;
        json["seq"] = 1;
        File.WriteAllText(headFile, json.ToJsonString());

        var result = await data.Cli.RunAsync("audit", "verify", "--dir", folder, "--head", headFile);

        CliAssert.UserError(result, "has no valid signature");
    }

    [Fact]
    public async Task VerifyAndHead_FromAnchor_AfterOlderFilesWereArchived_CheckTheRecordsAfterIt()
    {
        var folder = Path.Combine(data.Root, "audit-" + Guid.NewGuid().ToString("N"));
        await WriteTrailAsync(folder, 3, maxFileBytes: 1); // every record rotates: one per file
        var anchorFile = folder + "-anchor.json";
        CliAssert.Succeeded(await data.Cli.RunAsync("audit", "head", "--dir", folder, "--out", anchorFile));
        await WriteTrailAsync(folder, 2, first: 4, maxFileBytes: 1);
        foreach (var archived in new[] { 1, 2, 3 }.Select(AuditChain.FileName))
        {
            File.Delete(Path.Combine(folder, archived));
        }

        var forged = JsonNode.Parse(File.ReadAllText(anchorFile))!;
        forged["seq"] = 2;
        File.WriteAllText(folder + "-forged.json", forged.ToJsonString());

        var withoutAnchor = await data.Cli.RunAsync("audit", "verify", "--dir", folder);
        var verified = await data.Cli.RunAsync("audit", "verify", "--dir", folder, "--from", anchorFile);
        var head = await data.Cli.RunAsync("audit", "head", "--dir", folder, "--from", anchorFile);
        var fromForged = await data.Cli.RunAsync("audit", "verify", "--dir", folder, "--from", folder + "-forged.json");

        CliAssert.UserError(withoutAnchor, "the trail starts at record 4: records 1..3 were deleted");
        CliAssert.Succeeded(verified);
        Assert.Contains("OK: 2 records from record 4, right after the anchor (record 3 of ", verified.Stdout, StringComparison.Ordinal);
        Assert.Contains("), chain intact. Head: record 5 ", verified.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(head);
        Assert.Equal(5, JsonNode.Parse(head.Stdout)!["seq"]!.GetValue<long>());
        CliAssert.UserError(fromForged, "has no valid signature");
    }

    [Fact]
    public async Task Head_OfBrokenTrail_IsRefused()
    {
        var folder = await NewTrailAsync(3);
        var file = Path.Combine(folder, "audit-000001.jsonl");
        File.WriteAllLines(file, File.ReadAllLines(file).Reverse());

        CliAssert.UserError(await data.Cli.RunAsync("audit", "head", "--dir", folder), "refusing to sign the head of a broken audit trail");
    }

    [Theory]
    [InlineData("search", "--since", "yesterday-ish", "--since 'yesterday-ish' is neither an ISO-8601 time")]
    [InlineData("verify", "--dir", "/nonexistent/hyok-audit", "No audit trail at /nonexistent/hyok-audit")]
    public async Task Command_BadInput_IsOneClearLine(string command, string option, string value, string expected)
    {
        var folder = await NewTrailAsync(1);
        string[] arguments = option == "--dir" ? ["audit", command, option, value] : ["audit", command, "--dir", folder, option, value];

        CliAssert.UserError(await data.Cli.RunAsync(arguments), expected);
    }

    [Fact]
    public async Task Tail_Follow_PrintsRecordsWrittenLater()
    {
        var folder = await NewTrailAsync(1);
        var start = new System.Diagnostics.ProcessStartInfo(HyokCli.Dotnet) { ArgumentList = { HyokCli.Dll, "audit", "tail", "--follow", "--json", "--dir", folder } };
        data.Cli.ApplyEnvironment(start);
        await using var tail = ChildProcess.Start(start);
        await tail.WaitForLineAsync(l => l.Contains("\"req-1\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        await WriteTrailAsync(folder, 1, first: 2);

        await tail.WaitForLineAsync(l => l.Contains("\"req-2\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.True(await tail.InterruptAsync(TimeSpan.FromSeconds(10)), tail.Output);
    }

    [Fact]
    public async Task Search_Table_ShowsTheKeyVersionOfEachRecord()
    {
        var folder = await NewTrailAsync(3);

        var table = await data.Cli.RunAsync("audit", "search", "--dir", folder);

        CliAssert.Succeeded(table);
        var rows = table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["2", "3", "1"], rows[1..].Select(r => KeyVersionColumn(rows[0], r)));
    }

    /// <summary>The value in the table's right-aligned, 4 characters wide VER column.</summary>
    private static string KeyVersionColumn(string headerRow, string row)
    {
        int end = headerRow.IndexOf(" VER ", StringComparison.Ordinal) + 4;
        return row[(end - 4)..end].Trim();
    }

    private async Task<string> NewTrailAsync(int count)
    {
        var folder = Path.Combine(data.Root, "audit-" + Guid.NewGuid().ToString("N"));
        await WriteTrailAsync(folder, count);
        return folder;
    }

    private static async Task WriteTrailAsync(string folder, int count, int first = 1, long maxFileBytes = AuditTrailOptions.DefaultMaxFileBytes)
    {
        await using var writer = new AuditTrailWriter(new AuditTrailOptions { Directory = folder, MaxFileBytes = maxFileBytes });
        for (int n = first; n < first + count; n++)
        {
            await writer.AppendAsync(new AuditEvent
            {
                Time = new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero).AddSeconds(n),
                KeyStore = "default",
                XksOperation = "Decrypt",
                ExternalKeyId = "key-1",
                KeyVersion = n % 4 == 0 ? null : 1 + (n % 3),
                KmsRequestId = "req-" + n.ToString(CultureInfo.InvariantCulture),
                AwsPrincipalArn = "arn:aws:iam::123456789012:role/app",
                Status = n % 4 == 0 ? 403 : 200,
                Outcome = n % 4 == 0 ? "AccessDeniedException" : "OK",
                LatencyMilliseconds = 0.5,
            }, CancellationToken.None);
        }
    }
}
