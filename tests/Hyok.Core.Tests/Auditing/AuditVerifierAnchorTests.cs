namespace Hyok.Auditing;

/// <summary>
/// <see cref="AuditVerifier"/> from an anchor (a head taken before older files were archived away): the records after it
/// are checked as strictly as a whole trail, the ones up to it are not, and nothing that follows it can go missing.
/// </summary>
public sealed class AuditVerifierAnchorTests : IDisposable
{
    private readonly AuditTestTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Theory]
    [InlineData(5, 1)] // the anchor's own file kept
    [InlineData(6, 0)] // archived too
    public async Task Verify_FromAnchor_AfterOlderFilesWereArchived_ChecksTheRecordsAfterIt(int lastArchived, long anchorRecordsLeft)
    {
        var anchor = await OnePerFileWithAnchorAtSixAsync(4);
        ArchiveFiles(1, lastArchived);

        var withoutAnchor = AuditVerifier.Verify(_trail.Directory);
        var fromAnchor = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.Contains("the trail starts at record", withoutAnchor.Problem, StringComparison.Ordinal);
        Assert.True(fromAnchor.IsValid, fromAnchor.Problem);
        Assert.Equal((4L, anchorRecordsLeft, 10L, anchor), (fromAnchor.Count, fromAnchor.BeforeAnchor, fromAnchor.Head.Seq, fromAnchor.Anchor));
    }

    [Fact]
    public async Task Verify_FromAnchor_FileMissingBeforeIt_IsNoProblem()
    {
        var anchor = await OnePerFileWithAnchorAtSixAsync(2);
        ArchiveFiles(1, 3);
        ArchiveFiles(5, 5);

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal((2L, 2L), (verification.Count, verification.BeforeAnchor));
    }

    [Fact]
    public async Task Verify_FromAnchorInsideAFile_CountsTheRecordsUpToItWithoutCheckingThem()
    {
        await _trail.WriteAsync(6);
        var anchor = AuditVerifier.Verify(_trail.Directory).Head;
        await _trail.WriteAsync(3, first: 7);

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal((3L, 6L, 9L), (verification.Count, verification.BeforeAnchor, verification.Head.Seq));
    }

    [Theory]
    [InlineData(9, "record 10 (audit-000001.jsonl line 10): prev hash does not match record 9 (audit-000001.jsonl line 9)")]
    [InlineData(7, "record 8 (audit-000001.jsonl line 8): prev hash does not match record 7 (audit-000001.jsonl line 7)")]
    [InlineData(6, "record 6 (audit-000001.jsonl line 6): its hash does not match the anchor")]
    public async Task Verify_FromAnchor_EditedRecordAtOrAfterIt_IsNamed(int edited, string expected)
    {
        var anchor = await TrailWithAnchorAtSixAsync(10);
        var lines = _trail.Lines();
        lines[edited - 1] = lines[edited - 1].Replace("\"outcome\":\"OK\"", "\"outcome\":\"AccessDeniedException\"", StringComparison.Ordinal);
        _trail.Rewrite(1, lines);

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.False(verification.IsValid);
        Assert.StartsWith(expected, verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FromAnchor_FirstRecordAfterItDeleted_NamesTheGap()
    {
        var anchor = await TrailWithAnchorAtSixAsync(9);
        var lines = _trail.Lines();
        lines.RemoveAt(6);
        _trail.Rewrite(1, lines);

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.Equal("record 8 (audit-000001.jsonl line 7): the first record after the anchor (record 6) is record 8: records 7..7 were deleted", verification.Problem);
    }

    [Fact]
    public async Task Verify_FromAnchor_RecordFromBeforeItMovedAfterIt_IsNamed()
    {
        var anchor = await TrailWithAnchorAtSixAsync(9);
        var lines = _trail.Lines();
        var moved = lines[1];
        lines.RemoveAt(1);
        lines.Add(moved);
        _trail.Rewrite(1, lines);

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.StartsWith("record 2 (audit-000001.jsonl line 9): seq 2 where 10 was expected", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FromAnchor_TrailEndsBeforeIt_IsTruncation()
    {
        var anchor = await TrailWithAnchorAtSixAsync(6);
        _trail.Rewrite(1, _trail.Lines()[..4]);

        var truncated = AuditVerifier.Verify(_trail.Directory, anchor: anchor);
        File.Delete(_trail.FilePath(1));
        var removed = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.StartsWith("the trail ends at record 4, before the anchor (record 6 in audit-000001.jsonl): records 5..6 were removed (truncated)", truncated.Problem, StringComparison.Ordinal);
        Assert.StartsWith("no record at or after the anchor (record 6 in audit-000001.jsonl) is left", removed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FromAnchor_FileMissingAfterIt_IsNamed()
    {
        var anchor = await OnePerFileWithAnchorAtSixAsync(4);
        ArchiveFiles(1, 5);
        File.Delete(_trail.FilePath(8));

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.StartsWith("audit-000009.jsonl: file audit-000008.jsonl is missing", verification.Problem, StringComparison.Ordinal);
    }

    /// <summary>Records 1..<paramref name="count"/> in one file; the anchor is the head after record 6.</summary>
    private async Task<AuditHead> TrailWithAnchorAtSixAsync(int count)
    {
        await _trail.WriteAsync(6);
        var anchor = AuditVerifier.Verify(_trail.Directory).Head;
        if (count > 6)
        {
            await _trail.WriteAsync(count - 6, first: 7);
        }

        return anchor;
    }

    /// <summary>Records 1..6 and <paramref name="later"/> more, one per file; the anchor is the head after record 6.</summary>
    private async Task<AuditHead> OnePerFileWithAnchorAtSixAsync(int later)
    {
        await WriteOnePerFileAsync(1, 6);
        var anchor = AuditVerifier.Verify(_trail.Directory).Head;
        await WriteOnePerFileAsync(7, later);
        return anchor;
    }

    /// <summary>Records <paramref name="first"/>.. one per file (every record rotates: a record may exceed the file size).</summary>
    private async Task WriteOnePerFileAsync(int first, int count)
    {
        await using var writer = _trail.Open(maxFileBytes: 1);
        for (int n = first; n < first + count; n++)
        {
            await writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None);
        }
    }

    private void ArchiveFiles(int first, int last)
    {
        for (int n = first; n <= last; n++)
        {
            File.Delete(_trail.FilePath(n));
        }
    }
}
