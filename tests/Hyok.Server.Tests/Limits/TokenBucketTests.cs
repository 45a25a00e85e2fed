using Hyok.Server.Limits;
using Microsoft.Extensions.Time.Testing;

namespace Hyok.Server.Tests.Limits;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public void TryTake_BurstUsedUp_RefusesNextUntilRefilled()
    {
        var bucket = new TokenBucket(10, 3, _time);

        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());

        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(bucket.TryTake());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void TryTake_LongIdle_RefillsOnlyUpToBurst()
    {
        var bucket = new TokenBucket(100, 2, _time);
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());

        _time.Advance(TimeSpan.FromHours(1));

        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void TryTake_FractionalRate_OneTokenPerPeriod()
    {
        var bucket = new TokenBucket(0.5, 1, _time);
        Assert.True(bucket.TryTake());

        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(bucket.TryTake());
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(bucket.TryTake());
    }
}
