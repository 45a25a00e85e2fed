using Hyok.Server.Limits;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Server.Tests.Limits;

public sealed class AdmissionLimiterTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task EnterAsync_UnderLimit_AdmitsAtOnce()
    {
        var limiter = Create(max: 2);

        using var first = await limiter.EnterAsync(Long, default);
        using var second = await limiter.EnterAsync(Long, default);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(2, limiter.InFlight);
    }

    [Fact]
    public async Task EnterAsync_AtLimit_QueuedUntilReleaseInArrivalOrder()
    {
        var limiter = Create(max: 1);
        var held = await limiter.EnterAsync(Long, default);
        var waitingFirst = limiter.EnterAsync(Long, default).AsTask();
        var waitingSecond = limiter.EnterAsync(Long, default).AsTask();
        Assert.False(waitingFirst.IsCompleted);

        held!.Dispose();
        var admitted = await waitingFirst.WaitAsync(Long);

        Assert.NotNull(admitted);
        Assert.False(waitingSecond.IsCompleted);
        admitted.Dispose();
        Assert.NotNull(await waitingSecond.WaitAsync(Long));
    }

    [Fact]
    public async Task EnterAsync_QueueTimePasses_ShedWithNull()
    {
        var limiter = Create(max: 1, queue: TimeSpan.FromMilliseconds(50));
        using var held = await limiter.EnterAsync(Long, default);
        var waiting = limiter.EnterAsync(Long, default).AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Null(await waiting.WaitAsync(Long));
        Assert.Equal(1, limiter.ShedCount);
        Assert.Equal(1, limiter.InFlight);
    }

    [Fact]
    public async Task EnterAsync_CallerWaitShorterThanQueueTime_ShedAtCallerWait()
    {
        var limiter = Create(max: 1, queue: TimeSpan.FromSeconds(1));
        using var held = await limiter.EnterAsync(Long, default);
        var waiting = limiter.EnterAsync(TimeSpan.FromMilliseconds(10), default).AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(10));

        Assert.Null(await waiting.WaitAsync(Long));
    }

    [Fact]
    public async Task EnterAsync_QueueFull_ShedAtOnce()
    {
        var limiter = Create(max: 1, queueLength: 1);
        using var held = await limiter.EnterAsync(Long, default);
        var queued = limiter.EnterAsync(Long, default).AsTask();

        var refused = await limiter.EnterAsync(Long, default);

        Assert.Null(refused);
        Assert.False(queued.IsCompleted);
    }

    [Fact]
    public async Task EnterAsync_CallerCancelsWhileQueued_SlotNotTakenLater()
    {
        var limiter = Create(max: 1);
        var held = await limiter.EnterAsync(Long, default);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.EnterAsync(Long, cancel.Token).AsTask();

        await cancel.CancelAsync();
        Assert.Null(await waiting.WaitAsync(Long));
        held!.Dispose();

        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var limiter = Create(max: 2);
        var lease = await limiter.EnterAsync(Long, default);
        using var other = await limiter.EnterAsync(Long, default);

        lease!.Dispose();
        lease.Dispose();

        Assert.Equal(1, limiter.InFlight);
    }

    [Fact]
    public async Task Release_SlowerThanTarget_LimitCutButNotBelowMinimum()
    {
        var limiter = Create(max: 10, min: 8, adaptive: true);
        for (var i = 0; i < 5; i++)
        {
            var lease = await limiter.EnterAsync(Long, default);
            _time.Advance(TimeSpan.FromMilliseconds(100));
            lease!.Dispose();
        }

        Assert.Equal(8, limiter.CurrentLimit);
    }

    [Fact]
    public async Task Release_FastWhileSaturated_LimitGrowsBackToMaximum()
    {
        var limiter = Create(max: 4, min: 1, adaptive: true);
        var slow = await limiter.EnterAsync(Long, default);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        slow!.Dispose();
        Assert.Equal(3, limiter.CurrentLimit);

        for (var round = 0; round < 20; round++)
        {
            var leases = new List<AdmissionLease>();
            for (var i = 0; i < limiter.CurrentLimit; i++)
            {
                leases.Add((await limiter.EnterAsync(Long, default))!);
            }

            leases.ForEach(l => l.Dispose());
        }

        Assert.Equal(4, limiter.CurrentLimit);
    }

    [Fact]
    public async Task Release_NotAdaptive_LimitStays()
    {
        var limiter = Create(max: 3, min: 1, adaptive: false);
        var lease = await limiter.EnterAsync(Long, default);
        _time.Advance(TimeSpan.FromSeconds(1));
        lease!.Dispose();

        Assert.Equal(3, limiter.CurrentLimit);
    }

    private AdmissionLimiter Create(int max, int min = 1, bool adaptive = false, TimeSpan? queue = null, int queueLength = 100) =>
        new(new AdmissionSettings(max, min, adaptive, TimeSpan.FromMilliseconds(50), queue ?? Long, queueLength), _time);
}
