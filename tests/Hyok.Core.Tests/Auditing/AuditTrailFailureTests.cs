namespace Hyok.Auditing;

/// <summary>Fail closed and recover: faults that also stop root (a folder where a file must be, files removed).</summary>
public sealed class AuditTrailFailureTests : IDisposable
{
    private readonly AuditTestTrail _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task AppendAsync_NextFileBlockedByAFolder_ThrowsUntilTheFolderIsGone()
    {
        await using var writer = _trail.Open(maxFileBytes: 800);
        await writer.AppendAsync(AuditTestTrail.Event(1), CancellationToken.None);
        await writer.AppendAsync(AuditTestTrail.Event(2), CancellationToken.None);
        Assert.Single(AuditChain.ListFiles(_trail.Directory));
        Directory.CreateDirectory(_trail.FilePath(2));

        var failure = await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(3), CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(4), CancellationToken.None).AsTask());
        Directory.Delete(_trail.FilePath(2));
        await writer.AppendAsync(AuditTestTrail.Event(5), CancellationToken.None);
        await writer.AppendAsync(AuditTestTrail.Event(6), CancellationToken.None);

        Assert.DoesNotContain("req-", failure.Message, StringComparison.Ordinal);
        var verification = AuditVerifier.Verify(_trail.Directory);
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(["req-1", "req-2", "req-5", "req-6"], new AuditTrailReader(_trail.Directory).ReadAll().Select(r => r.Event.KmsRequestId));
    }

    [Fact]
    public async Task AppendAsync_CurrentFileReplacedByAFolder_ThrowsThenRecoversWhenTheFileIsBack()
    {
        await using var writer = _trail.Open();
        await writer.AppendAsync(AuditTestTrail.Event(1), CancellationToken.None);
        var aside = _trail.FilePath(1) + ".aside";
        File.Move(_trail.FilePath(1), aside);
        Directory.CreateDirectory(_trail.FilePath(1));

        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(2), CancellationToken.None).AsTask());
        Directory.Delete(_trail.FilePath(1));
        File.Move(aside, _trail.FilePath(1));
        await writer.AppendAsync(AuditTestTrail.Event(3), CancellationToken.None);

        Assert.True(AuditVerifier.Verify(_trail.Directory).IsValid);
        Assert.Equal(["req-1", "req-3"], new AuditTrailReader(_trail.Directory).ReadAll().Select(r => r.Event.KmsRequestId));
    }

    [Fact]
    public async Task AppendAsync_FolderRemoved_StaysUnavailableRatherThanRestartTheChain()
    {
        await using var writer = _trail.Open();
        await writer.AppendAsync(AuditTestTrail.Event(1), CancellationToken.None);
        Directory.Delete(_trail.Directory, recursive: true);

        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(2), CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<AuditUnavailableException>(() => writer.AppendAsync(AuditTestTrail.Event(3), CancellationToken.None).AsTask());

        Assert.Empty(new AuditTrailReader(_trail.Directory).ReadAll());
    }
}
