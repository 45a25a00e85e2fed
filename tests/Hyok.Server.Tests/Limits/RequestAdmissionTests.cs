using Hyok.Protocol;
using Hyok.Server.Limits;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Server.Tests.Limits;

/// <summary>
/// The order of admission's refusals and what each counts: a deadline already spent first (the request is too late for
/// any work, and takes no quota token), then the key store's quota, then the dispatch delay, then the concurrency limit.
/// </summary>
public sealed class RequestAdmissionTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task EnterAsync_DeadlineAlreadySpent_ThrottledAsOverloadWithoutTakingASlot(int millisecondsLeft)
    {
        using var admission = Create();

        using var admitted = await admission.EnterAsync("default", TimeSpan.FromMilliseconds(millisecondsLeft), default);

        Assert.Null(admitted.Lease);
        Assert.Equal(XksErrorCode.ThrottlingException, admitted.Refusal!.Code);
        Assert.Contains("overloaded", admitted.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, admission.LateCount);
        Assert.Equal(0, admission.Limiter.InFlight);
    }

    [Fact]
    public async Task EnterAsync_TimeLeft_Admitted()
    {
        using var admission = Create();

        using var admitted = await admission.EnterAsync("default", Long, default);

        Assert.NotNull(admitted.Lease);
        Assert.Null(admitted.Refusal);
        Assert.Equal(0, admission.LateCount);
    }

    [Fact]
    public async Task EnterAsync_Late_RefusedWithoutTakingTheKeyStoresQuotaToken()
    {
        var quota = new TokenBucket(1, 1, _time);
        using var admission = Create(new Dictionary<string, TokenBucket> { ["default"] = quota });

        using var admitted = await admission.EnterAsync("default", TimeSpan.Zero, default);

        Assert.Contains("overloaded", admitted.Refusal!.Message, StringComparison.Ordinal);
        Assert.True(quota.TryTake(), "a late request used up the key store's quota");
    }

    [Fact]
    public async Task EnterAsync_OverQuota_TheQuotaAnswers()
    {
        var quota = new TokenBucket(1, 1, _time);
        Assert.True(quota.TryTake());
        using var admission = Create(new Dictionary<string, TokenBucket> { ["default"] = quota });

        using var admitted = await admission.EnterAsync("default", Long, default);

        Assert.Contains("quota", admitted.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterAsync_DispatchDelayOverItsBound_ThrottledAndCounted()
    {
        var dispatch = new DispatchDelay(Long, TimeProvider.System); // never started; disposed with the admission
        using var admission = Create(dispatch: dispatch);
        var second = TimeProvider.System.TimestampFrequency;
        var now = TimeProvider.System.GetTimestamp();
        dispatch.Queued(now - (2 * second));
        dispatch.Ran(now - second);
        dispatch.Queued(now - second);
        dispatch.Ran(now);

        using var admitted = await admission.EnterAsync("default", Long, default);

        Assert.Equal(XksErrorCode.ThrottlingException, admitted.Refusal!.Code);
        Assert.Equal(1, admission.DispatchShedCount);
        Assert.Equal(0, admission.Limiter.InFlight);
    }

    private RequestAdmission Create(Dictionary<string, TokenBucket>? quotas = null, DispatchDelay? dispatch = null) =>
        new(new AdmissionLimiter(new AdmissionSettings(4, 1, false, TimeSpan.FromMilliseconds(50), Long, 16), _time),
            quotas ?? [], dispatch, TimeSpan.FromMilliseconds(100));
}
