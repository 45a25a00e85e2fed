using System.Runtime.Versioning;
using System.Text.Json.Nodes;

namespace Hyok.Auditing;

public sealed class AuditTrailWriterTests : IDisposable
{
    private readonly AuditTestTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task AppendAsync_Records_ChainVerifiesAndReadsBackEveryField()
    {
        await _trail.WriteAsync(5);

        var verification = AuditVerifier.Verify(_trail.Directory);
        var records = new AuditTrailReader(_trail.Directory).ReadAll().ToList();

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(5, verification.Count);
        Assert.Equal([1L, 2, 3, 4, 5], records.Select(r => r.Seq));
        Assert.Equal(AuditChain.GenesisHash, records[0].Prev);
        Assert.All(records.Skip(1).Zip(records), pair => Assert.Equal(pair.Second.Hash, pair.First.Prev));
        Assert.Equal(records[^1].Hash, verification.Head.Hash);
        Assert.Equal("audit-000001.jsonl", records[2].File);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(AuditTestTrail.Event(3) with { LatencyMilliseconds = 1.235 }, records[2].Event);
    }

    [Fact]
    public async Task AppendAsync_Event_WritesFixedPropertyOrderMillisecondsAndNoNulls()
    {
        await _trail.WriteAsync(1);

        var line = Assert.Single(_trail.Lines());

        Assert.Equal(
            "{\"seq\":1,\"prev\":\"" + AuditChain.GenesisHash + "\",\"time\":\"2026-11-28T20:00:01.000Z\",\"keyStore\":\"default\",\"xksOperation\":\"Encrypt\","
            + "\"externalKeyId\":\"key-1\",\"kmsRequestId\":\"req-1\",\"kmsOperation\":\"Encrypt\",\"awsPrincipalArn\":\"arn:aws:iam::123456789012:role/app\","
            + "\"status\":200,\"outcome\":\"OK\",\"latencyMs\":1.235}",
            line);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("quote\"},{\"seq\":99")]
    [InlineData("cr\rand\u2028separator\u0000nul")]
    [InlineData("unicode é ✓ 🔑 <script>")]
    public async Task AppendAsync_HostileStrings_StayOneRecordPerLineAndReadBackExactly(string hostile)
    {
        await using (var writer = _trail.Open())
        {
            await writer.AppendAsync(AuditTestTrail.Event(1) with { KmsRequestId = hostile, AwsPrincipalArn = hostile }, CancellationToken.None);
            await writer.AppendAsync(AuditTestTrail.Event(2), CancellationToken.None);
        }

        var records = new AuditTrailReader(_trail.Directory).ReadAll().ToList();

        Assert.Equal(2, _trail.Lines().Count);
        Assert.Equal(hostile, records[0].Event.KmsRequestId);
        Assert.Equal(hostile, records[0].Event.AwsPrincipalArn);
        Assert.True(AuditVerifier.Verify(_trail.Directory).IsValid);
    }

    [Fact]
    public async Task AppendAsync_ManyConcurrentTasks_EachRecordedOnceWithContinuousSeq()
    {
        const int tasks = 64, perTask = 40;
        long batches;
        await using (var writer = _trail.Open())
        {
            await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
            {
                for (int i = 0; i < perTask; i++)
                {
                    await writer.AppendAsync(AuditTestTrail.Event((t * perTask) + i), CancellationToken.None);
                }
            })));
            Assert.Equal(tasks * perTask, writer.RecordsWritten);
            batches = writer.Batches;
        }

        var records = new AuditTrailReader(_trail.Directory).ReadAll().ToList();

        Assert.True(AuditVerifier.Verify(_trail.Directory).IsValid);
        Assert.Equal(Enumerable.Range(1, tasks * perTask).Select(n => (long)n), records.Select(r => r.Seq));
        Assert.Equal(tasks * perTask, records.Select(r => r.Event.KmsRequestId).Distinct().Count());
        Assert.InRange(batches, 1, tasks * perTask);
    }

    [Fact]
    public async Task Open_ExistingTrail_ContinuesTheChain()
    {
        await _trail.WriteAsync(3);
        await _trail.WriteAsync(2, first: 4);

        var verification = AuditVerifier.Verify(_trail.Directory);

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(5, verification.Head.Seq);
        Assert.Single(AuditChain.ListFiles(_trail.Directory));
    }

    [Fact]
    public async Task Open_PartialLastLine_IsCutAndChainResumes()
    {
        await _trail.WriteAsync(3);
        File.AppendAllText(_trail.FilePath(1), "{\"seq\":4,\"prev\":\"ab");
        Assert.False(AuditVerifier.Verify(_trail.Directory).IsValid);

        await _trail.WriteAsync(2, first: 4);

        var verification = AuditVerifier.Verify(_trail.Directory);
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(5, verification.Count);
        Assert.Equal("req-4", new AuditTrailReader(_trail.Directory).ReadAll().ElementAt(3).Event.KmsRequestId);
    }

    [Fact]
    public async Task AppendAsync_PastMaxFileBytes_RotatesAndKeepsTheChainAcrossFiles()
    {
        await using (var writer = _trail.Open(maxFileBytes: 1000))
        {
            for (int n = 1; n <= 20; n++)
            {
                await writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None);
            }
        }

        var files = AuditChain.ListFiles(_trail.Directory);
        var records = new AuditTrailReader(_trail.Directory).ReadAll().ToList();
        var verification = AuditVerifier.Verify(_trail.Directory);

        Assert.True(files.Count >= 5, $"{files.Count} files");
        Assert.All(files, f => Assert.True(new FileInfo(f.Path).Length <= 1000));
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(20, verification.Count);
        var firstOfSecond = records.First(r => r.File == AuditChain.FileName(2));
        Assert.Equal(records[(int)firstOfSecond.Seq - 2].Hash, firstOfSecond.Prev);
        Assert.Equal(1, firstOfSecond.Line);
    }

    [Fact]
    public async Task AppendAsync_FileOlderThanMaxFileAge_RotatesAndKeepsTheChain()
    {
        await using (var writer = _trail.Open(maxFileAge: TimeSpan.FromHours(1)))
        {
            await writer.AppendAsync(AuditTestTrail.Event(1), CancellationToken.None);
            await writer.AppendAsync(AuditTestTrail.Event(2), CancellationToken.None);
            _trail.Time.Advance(TimeSpan.FromMinutes(61));
            await writer.AppendAsync(AuditTestTrail.Event(3), CancellationToken.None);
            await writer.AppendAsync(AuditTestTrail.Event(4), CancellationToken.None);
        }

        Assert.Equal(2, _trail.Lines(1).Count);
        Assert.Equal(2, _trail.Lines(2).Count);
        Assert.True(AuditVerifier.Verify(_trail.Directory).IsValid);
        Assert.Equal(3, JsonNode.Parse(_trail.Lines(2)[0])!["seq"]!.GetValue<long>());
    }

    [Fact]
    public async Task Open_AfterRestart_RotatesByTheAgeOfTheFirstRecord()
    {
        await _trail.WriteAsync(1);
        _trail.Time.Advance(TimeSpan.FromDays(2));

        await _trail.WriteAsync(1, first: 2);

        Assert.Equal(2, AuditChain.ListFiles(_trail.Directory).Count);
        Assert.True(AuditVerifier.Verify(_trail.Directory).IsValid);
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_ThrowsAuditUnavailable()
    {
        var writer = _trail.Open();
        await writer.DisposeAsync();

        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(1), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Open_FolderHeldByAnotherWriter_ThrowsAuditUnavailableUntilItStops()
    {
        var first = _trail.Open();

        var second = Assert.Throws<AuditUnavailableException>(() => _trail.Open());
        await first.DisposeAsync();
        await using var third = _trail.Open();

        Assert.Contains("another process is writing this audit trail", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DirectoryIsAFile_ThrowsAuditUnavailable()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_trail.Directory)!);
        File.WriteAllText(_trail.Directory, "not a folder");

        Assert.Throws<AuditUnavailableException>(() => _trail.Open());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Open_NewFolderAndFile_AreOwnerOnly()
    {
        await _trail.WriteAsync(1);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_trail.Directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_trail.FilePath(1)));
    }
}
