namespace Hyok.Auditing;

public sealed class AuditFilterTests : IDisposable
{
    private readonly AuditTestTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task Search_Criteria_MatchExactlyAndCombine()
    {
        await using (var writer = _trail.Open())
        {
            for (int n = 1; n <= 9; n++)
            {
                await writer.AppendAsync(AuditTestTrail.Event(n, n % 4 == 0 ? "AccessDeniedException" : "OK"), CancellationToken.None);
            }
        }

        var reader = new AuditTrailReader(_trail.Directory);
        long[] Seqs(AuditFilter filter) => [.. reader.Search(filter).Select(r => r.Seq)];

        Assert.Equal([7L], Seqs(new AuditFilter { KmsRequestId = "req-7" }));
        Assert.Equal([2L, 5, 8], Seqs(new AuditFilter { Key = "key-2" }));
        Assert.Equal([4L, 8], Seqs(new AuditFilter { Outcome = "accessdeniedexception" }));
        Assert.Equal([8L], Seqs(new AuditFilter { Outcome = "AccessDeniedException", Key = "key-2" }));
        Assert.Equal([3L, 4, 5], Seqs(new AuditFilter { Since = AuditTestTrail.Event(3).Time, Until = AuditTestTrail.Event(5).Time }));
        Assert.Empty(Seqs(new AuditFilter { Principal = "arn:aws:iam::123456789012:role/other" }));
        Assert.Equal([8L, 9], reader.Tail(2).Select(r => r.Seq));
    }

    [Fact]
    public async Task FollowAsync_RecordsAfterTheGivenOneAcrossRotation_AreYieldedInOrder()
    {
        await _trail.WriteAsync(2);
        var after = new AuditTrailReader(_trail.Directory).Tail(1)[0];
        await _trail.WriteAsync(1, first: 3);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<long>();
        var follow = Task.Run(async () =>
        {
            await foreach (var record in new AuditTrailReader(_trail.Directory).FollowAsync(after, TimeSpan.FromMilliseconds(20), cancel.Token))
            {
                seen.Add(record.Seq);
                if (record.Seq == 12)
                {
                    break;
                }
            }
        });
        await Task.Delay(200);
        await using (var writer = _trail.Open(maxFileBytes: 700))
        {
            for (int n = 4; n <= 12; n++)
            {
                await writer.AppendAsync(AuditTestTrail.Event(n), CancellationToken.None);
            }
        }

        await follow;

        Assert.Equal(Enumerable.Range(3, 10).Select(n => (long)n), seen);
        Assert.True(AuditChain.ListFiles(_trail.Directory).Count > 1);
    }
}
