namespace Hyok.Auditing;

/// <summary>
/// <see cref="AuditVerifier"/> with an anchor (a head taken before older files were archived away): the trail may start
/// at any record up to the anchor's, every record kept is checked, and nothing from the first one kept on can change or
/// go missing.
/// </summary>
public sealed class AuditVerifierAnchorTests : IDisposable
{
    private readonly AuditTestTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Theory]
    [InlineData(3, 7L, 4L)] // files before the anchor's kept
    [InlineData(6, 4L, 7L)] // the anchor's own file archived too
    public async Task Verify_FromAnchor_AfterOlderFilesWereArchived_ChecksEveryRecordKept(int lastArchived, long count, long firstSeq)
    {
        var anchor = await OnePerFileWithAnchorAtSixAsync(4);
        ArchiveFiles(1, lastArchived);

        var withoutAnchor = AuditVerifier.Verify(_trail.Directory);
        var fromAnchor = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.Contains("the trail starts at record", withoutAnchor.Problem, StringComparison.Ordinal);
        Assert.True(fromAnchor.IsValid, fromAnchor.Problem);
        Assert.Equal((count, firstSeq, 10L, anchor), (fromAnchor.Count, fromAnchor.FirstSeq, fromAnchor.Head.Seq, fromAnchor.Anchor));
    }

    [Theory]
    [InlineData(4, "record 5 (audit-000005.jsonl line 1): prev hash does not match record 4 (audit-000004.jsonl line 1)")]
    [InlineData(5, "record 6 (audit-000006.jsonl line 1): prev hash does not match record 5 (audit-000005.jsonl line 1)")]
    [InlineData(6, "record 6 (audit-000006.jsonl line 1): its hash does not match the anchor")]
    [InlineData(8, "record 9 (audit-000009.jsonl line 1): prev hash does not match record 8 (audit-000008.jsonl line 1)")]
    public async Task Verify_FromAnchor_KeptRecordEdited_IsNamed(int edited, string expected)
    {
        var anchor = await OnePerFileWithAnchorAtSixAsync(4);
        ArchiveFiles(1, 3);
        _trail.Rewrite(edited, [Edited(_trail.Lines(edited)[0])]);

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.StartsWith(expected, verification.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, "audit-000006.jsonl: file audit-000005.jsonl is missing")] // between kept files, before the anchor
    [InlineData(8, "audit-000009.jsonl: file audit-000008.jsonl is missing")] // after it
    public async Task Verify_FromAnchor_FileMissingAfterTheFirstKept_IsNamed(int missing, string expected)
    {
        var anchor = await OnePerFileWithAnchorAtSixAsync(4);
        ArchiveFiles(1, 3);
        ArchiveFiles(missing, missing);

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.StartsWith(expected, verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FromAnchor_FirstRecordAfterItDeletedWithTheArchive_NamesTheGap()
    {
        var anchor = await OnePerFileWithAnchorAtSixAsync(3);
        ArchiveFiles(1, 7);

        var verification = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.Equal("record 8 (audit-000008.jsonl line 1): the first record after the anchor (record 6) is record 8: records 7..7 were deleted", verification.Problem);
    }

    [Fact]
    public async Task Verify_FromAnchorInsideAFile_ChecksTheWholeTrail()
    {
        var anchor = await TrailWithAnchorAtSixAsync(9);

        var intact = AuditVerifier.Verify(_trail.Directory, anchor: anchor);
        var lines = _trail.Lines();
        lines[2] = Edited(lines[2]);
        _trail.Rewrite(1, lines);
        var edited = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.True(intact.IsValid, intact.Problem);
        Assert.Equal((9L, 1L, 9L), (intact.Count, intact.FirstSeq, intact.Head.Seq));
        Assert.StartsWith("record 4 (audit-000001.jsonl line 4): prev hash does not match record 3", edited.Problem, StringComparison.Ordinal);
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
    public async Task Verify_AnchorOfAnEmptyTrail_PassesEmptyAndOnceRecordsFollow()
    {
        var anchor = AuditVerifier.Verify(_trail.Directory).Head;

        var empty = AuditVerifier.Verify(_trail.Directory, anchor: anchor);
        await _trail.WriteAsync(2);
        var written = AuditVerifier.Verify(_trail.Directory, anchor: anchor);

        Assert.True(empty.IsValid, empty.Problem);
        Assert.Null(empty.FirstSeq);
        Assert.True(written.IsValid, written.Problem);
        Assert.Equal((2L, 1L), (written.Count, written.FirstSeq));
    }

    [Fact]
    public async Task Verify_FromAnchorWithHead_TheHeadIsCheckedWhereKeptAndRefusedWhereArchived()
    {
        await WriteOnePerFileAsync(1, 3);
        var head = AuditVerifier.Verify(_trail.Directory).Head;
        var anchor = await OnePerFileWithAnchorAtSixAsync(2, first: 4);
        ArchiveFiles(1, 2);

        var kept = AuditVerifier.Verify(_trail.Directory, head, anchor);
        var forged = AuditVerifier.Verify(_trail.Directory, head with { Hash = new string('a', 64) }, anchor);
        ArchiveFiles(3, 4);
        var archived = AuditVerifier.Verify(_trail.Directory, head, anchor);

        Assert.True(kept.IsValid, kept.Problem);
        Assert.StartsWith("record 3 (audit-000003.jsonl line 1): its hash does not match the exported head", forged.Problem, StringComparison.Ordinal);
        Assert.StartsWith("the signed head names record 3, before the first record here (5): it was archived", archived.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HeadJustBeforeTheFirstRecord_IsCheckedByItsPrev()
    {
        var emptyHead = AuditVerifier.Verify(_trail.Directory).Head;
        var anchor = await OnePerFileWithAnchorAtSixAsync(2);
        ArchiveFiles(1, 6);

        var ofEmptyTrail = AuditVerifier.Verify(_trail.Directory, emptyHead, anchor);
        var atTheAnchor = AuditVerifier.Verify(_trail.Directory, anchor, anchor);
        var forged = AuditVerifier.Verify(_trail.Directory, anchor with { Hash = new string('a', 64) }, anchor);

        Assert.StartsWith("the signed head names record 0, before the first record here (7): it was archived", ofEmptyTrail.Problem, StringComparison.Ordinal);
        Assert.True(atTheAnchor.IsValid, atTheAnchor.Problem);
        Assert.StartsWith("the signed head names record 6, before the first record here (7)", forged.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_HeadOfAnEmptyTrail_PassesOnceRecordsFollow()
    {
        var emptyHead = AuditVerifier.Verify(_trail.Directory).Head;
        await _trail.WriteAsync(3);

        var verification = AuditVerifier.Verify(_trail.Directory, emptyHead);

        Assert.True(verification.IsValid, verification.Problem);
    }

    private static string Edited(string line) =>
        line.Replace("\"outcome\":\"OK\"", "\"outcome\":\"AccessDeniedException\"", StringComparison.Ordinal);

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

    /// <summary>Records <paramref name="first"/>..6 and <paramref name="later"/> more, one per file; the anchor is the
    /// head after record 6.</summary>
    private async Task<AuditHead> OnePerFileWithAnchorAtSixAsync(int later, int first = 1)
    {
        await WriteOnePerFileAsync(first, 7 - first);
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
