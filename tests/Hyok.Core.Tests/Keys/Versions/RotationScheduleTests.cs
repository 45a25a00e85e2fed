using Hyok.Keys.Software;

namespace Hyok.Core.Tests.Keys.Versions;

public sealed class RotationScheduleTests : IDisposable
{
    private readonly VersionedStore _store = new();

    public RotationScheduleTests()
    {
        _store.Store.CreateKey("k1", "ks1");
        _store.Store.CreateKey("k2", "ks1");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void RotateDueKeys_ScheduleElapsed_RotatesOnlyThatKeyOnce()
    {
        _store.Store.SetRotationSchedule("k1", TimeSpan.FromDays(30));

        _store.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        var early = _store.Store.RotateDueKeys();
        _store.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = _store.Store.RotateDueKeys();
        var again = _store.Store.RotateDueKeys();

        Assert.Empty(early);
        var (keyId, version) = Assert.Single(due);
        Assert.Equal(("k1", 2), (keyId, version.Version));
        Assert.Empty(again);
        Assert.Single(_store.Store.ListVersions("k2"));
    }

    [Fact]
    public void RotateDueKeys_ManualRotationInBetween_CountsFromTheNewestVersion()
    {
        _store.Store.SetRotationSchedule("k1", TimeSpan.FromDays(10));
        _store.Clock.Advance(TimeSpan.FromDays(6));
        _store.Store.RotateKey("k1");

        _store.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Empty(_store.Store.RotateDueKeys());
        _store.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(3, Assert.Single(_store.Store.RotateDueKeys()).Version.Version);
    }

    [Fact]
    public void SetRotationSchedule_ShorterThanADayOrUnknownKey_Refused()
    {
        Assert.Throws<KeyManagementException>(() => _store.Store.SetRotationSchedule("k1", TimeSpan.FromHours(23)));
        Assert.Throws<KeyManagementException>(() => _store.Store.SetRotationSchedule("nope", TimeSpan.FromDays(1)));

        _store.Store.SetRotationSchedule("k1", TimeSpan.FromDays(365));
        Assert.Equal(TimeSpan.FromDays(365), _store.Store.GetRotationSchedule("k1"));
        _store.Store.SetRotationSchedule("k1", null);
        Assert.Null(_store.Store.GetRotationSchedule("k1"));
    }
}
