namespace Hyok.Server.Limits;

/// <summary>
/// The adaptive limit, AIMD on the service time of finished requests: slower than the target → the limit is cut by
/// a tenth (at most once per target interval, so one burst of slow answers counts once); at or under the target while
/// the limit was in full use → it grows by 1/limit (about one slot per round of requests). Bounds: the configured
/// minimum and maximum.
/// </summary>
internal sealed partial class AdmissionLimiter
{
    private const double DecreaseFactor = 0.9;

    private long _lastDecrease;

    /// <summary>Called under the lock.</summary>
    private void Adapt(TimeSpan serviceTime, long now, bool wasSaturated)
    {
        if (serviceTime > _settings.TargetLatency)
        {
            if (_timeProvider.GetElapsedTime(_lastDecrease, now) >= _settings.TargetLatency)
            {
                _limit = Math.Max(_settings.MinConcurrency, _limit * DecreaseFactor);
                _lastDecrease = now;
            }
        }
        else if (wasSaturated)
        {
            _limit = Math.Min(_settings.MaxConcurrency, _limit + (1 / _limit));
        }
    }
}
