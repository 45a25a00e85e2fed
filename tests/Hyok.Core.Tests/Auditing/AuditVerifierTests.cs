using Hyok.Storage;

namespace Hyok.Auditing;

public sealed class AuditVerifierTests : IDisposable
{
    private readonly AuditTestTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public void Verify_NoTrail_IsValidAndEmpty()
    {
        var verification = AuditVerifier.Verify(_trail.Directory);

        Assert.True(verification.IsValid);
        Assert.Equal(0, verification.Count);
        Assert.Equal(AuditChain.GenesisHash, verification.Head.Hash);
    }

    [Fact]
    public async Task Verify_EditedField_NamesTheRecordAfterTheEditedOne()
    {
        await _trail.WriteAsync(10);
        var lines = _trail.Lines();
        lines[4] = lines[4].Replace("\"outcome\":\"OK\"", "\"outcome\":\"AccessDeniedException\"", StringComparison.Ordinal);
        _trail.Rewrite(1, lines);

        var verification = AuditVerifier.Verify(_trail.Directory);

        Assert.False(verification.IsValid);
        Assert.Equal((6L, 6L, "audit-000001.jsonl"), (verification.Seq!.Value, verification.Line!.Value, verification.File!));
        Assert.StartsWith("record 6 (audit-000001.jsonl line 6): prev hash does not match record 5 (audit-000001.jsonl line 5)", verification.Problem, StringComparison.Ordinal);
        Assert.Equal(5, verification.Count);
    }

    [Fact]
    public async Task Verify_DeletedLine_NamesTheGap()
    {
        await _trail.WriteAsync(10);
        var lines = _trail.Lines();
        lines.RemoveAt(4);
        _trail.Rewrite(1, lines);

        var verification = AuditVerifier.Verify(_trail.Directory);

        Assert.Equal("record 6 (audit-000001.jsonl line 5): seq jumps from 4 to 6: records 5..5 were deleted", verification.Problem);
    }

    [Fact]
    public async Task Verify_SwappedLines_NamesTheFirstOutOfOrder()
    {
        await _trail.WriteAsync(10);
        var lines = _trail.Lines();
        (lines[4], lines[5]) = (lines[5], lines[4]);
        _trail.Rewrite(1, lines);

        var verification = AuditVerifier.Verify(_trail.Directory);

        Assert.False(verification.IsValid);
        Assert.Equal(5, verification.Line);
        Assert.Contains("seq jumps from 4 to 6", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_InsertedLine_NamesIt()
    {
        await _trail.WriteAsync(10);
        var lines = _trail.Lines();
        lines.Insert(6, lines[2]);
        _trail.Rewrite(1, lines);

        var verification = AuditVerifier.Verify(_trail.Directory);

        Assert.Equal("record 3 (audit-000001.jsonl line 7): seq 3 where 7 was expected: records were reordered, duplicated or inserted", verification.Problem);
    }

    [Fact]
    public async Task Verify_ForgedRecordWithRightSeq_IsCaughtByTheNextPrev()
    {
        await _trail.WriteAsync(4);
        var lines = _trail.Lines();
        lines[1] = lines[1].Replace("req-2", "req-X", StringComparison.Ordinal);
        _trail.Rewrite(1, lines);

        Assert.StartsWith("record 3 (audit-000001.jsonl line 3): prev hash does not match record 2", AuditVerifier.Verify(_trail.Directory).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NotJson_NamesTheLine()
    {
        await _trail.WriteAsync(3);
        var lines = _trail.Lines();
        lines[1] = "garbage";
        _trail.Rewrite(1, lines);

        Assert.Equal("record after 1 (audit-000001.jsonl line 2): not valid JSON", AuditVerifier.Verify(_trail.Directory).Problem);
    }

    [Fact]
    public async Task Verify_DeletedMiddleFile_NamesTheMissingFile()
    {
        await using (var writer = _trail.Open(maxFileBytes: 600))
        {
            for (int n = 1; n <= 12; n++)
            {
                await writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None);
            }
        }

        File.Delete(_trail.FilePath(2));
        var verification = AuditVerifier.Verify(_trail.Directory);

        Assert.False(verification.IsValid);
        Assert.Equal("audit-000003.jsonl", verification.File);
        Assert.Contains("file audit-000002.jsonl is missing", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedFirstFile_SaysTheTrailStartsLate()
    {
        await using (var writer = _trail.Open(maxFileBytes: 600))
        {
            for (int n = 1; n <= 8; n++)
            {
                await writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None);
            }
        }

        File.Delete(_trail.FilePath(1));

        Assert.Contains("the trail starts at record", AuditVerifier.Verify(_trail.Directory).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TruncatedTail_IsOnlyDetectedWithAHead()
    {
        await _trail.WriteAsync(10);
        var head = AuditVerifier.Verify(_trail.Directory).Head;
        _trail.Rewrite(1, _trail.Lines().Take(8));

        var withoutHead = AuditVerifier.Verify(_trail.Directory);
        var withHead = AuditVerifier.Verify(_trail.Directory, head);

        Assert.True(withoutHead.IsValid);
        Assert.False(withHead.IsValid);
        Assert.Contains("the trail ends at record 8 but the head", withHead.Problem, StringComparison.Ordinal);
        Assert.Contains("records 9..10 were removed (truncated)", withHead.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChainRewrittenWithValidHashes_IsOnlyDetectedWithAHead()
    {
        await _trail.WriteAsync(5);
        var head = AuditVerifier.Verify(_trail.Directory).Head;
        Directory.Delete(_trail.Directory, recursive: true);
        await using (var writer = _trail.Open())
        {
            for (int n = 1; n <= 6; n++)
            {
                await writer.AppendAsync(AuditTestTrail.Event(n, n == 3 ? "AccessDeniedException" : "OK"), CancellationToken.None);
            }
        }

        Assert.True(AuditVerifier.Verify(_trail.Directory).IsValid);
        Assert.Equal("record 5 (audit-000001.jsonl line 5): its hash does not match the exported head: the trail was rewritten up to the head",
            AuditVerifier.Verify(_trail.Directory, head).Problem);
    }

    [Fact]
    public async Task Read_UnknownProperty_IsToleratedAndStillHashChecked()
    {
        await _trail.WriteAsync(1);
        var first = _trail.Lines()[0];
        var future = "{\"seq\":2,\"prev\":\"" + AuditChain.Hash(System.Text.Encoding.UTF8.GetBytes(first))
            + "\",\"time\":\"2026-11-28T20:00:02.000Z\",\"status\":200,\"outcome\":\"OK\",\"latencyMs\":1,\"newField\":{\"x\":[1,2]}}";
        _trail.Rewrite(1, [first, future]);
        await _trail.WriteAsync(1, first: 3);

        var records = new AuditTrailReader(_trail.Directory).ReadAll().ToList();

        Assert.True(AuditVerifier.Verify(_trail.Directory).IsValid);
        Assert.Equal([1L, 2, 3], records.Select(r => r.Seq));
        Assert.Equal(future, records[1].Raw);
    }

    [Fact]
    public void Sign_Head_VerifiesOnlyUnchangedAndWithTheSameMasterKey()
    {
        using var key = MasterKey.Generate();
        using var other = MasterKey.Generate();
        using var signer = new AuditHeadSigner(key);
        using var otherSigner = new AuditHeadSigner(other);
        var signed = signer.Sign(new AuditHead(42, new string('a', 64), "audit-000002.jsonl", _trail.Time.GetUtcNow()));

        var parsed = AuditHead.Parse(signed.ToJson());

        Assert.True(signer.IsValid(parsed));
        Assert.Equal(signed, parsed);
        Assert.False(otherSigner.IsValid(parsed));
        Assert.False(signer.IsValid(parsed with { Seq = 41 }));
        Assert.False(signer.IsValid(parsed with { Signature = null }));
        Assert.DoesNotContain(Convert.ToBase64String(key.Bytes), signed.ToJson(), StringComparison.Ordinal);
    }
}
