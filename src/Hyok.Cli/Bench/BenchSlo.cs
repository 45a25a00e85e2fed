namespace Hyok.Cli.Bench;

/// <summary>
/// The service level a run is judged against (only with <c>--rate</c> or <c>--slo-p99-ms</c>): p99 latency at most
/// <see cref="P99Ms"/>, at least 99 % of the requests successful, and in the open loop an achieved rate of at least
/// 99 % of <c>--rate</c>.
/// </summary>
internal sealed record BenchSlo(double P99Ms, double? MinRate)
{
    /// <summary>KMS allows 250 ms per call end to end (xks-spec.md §9); 100 ms leaves room for the network and KMS itself.</summary>
    public const double DefaultP99Ms = 100;

    public const double RequiredFraction = 0.99;

    public static BenchSlo? For(BenchSettings settings) => settings.SloP99Ms is null && settings.Rate == 0
        ? null
        : new BenchSlo(settings.SloP99Ms ?? DefaultP99Ms, settings.Rate > 0 ? settings.Rate * RequiredFraction : null);

    public BenchVerdict Judge(BenchResult result)
    {
        var p99 = result.LatencyMs(99);
        var successFraction = result.Requests > 0 ? (double)result.Tally.Succeeded / result.Requests : 0;
        return new BenchVerdict(
            P99Pass: result.Tally.Latencies.Count > 0 && p99 <= P99Ms,
            RatePass: MinRate is not { } min || result.AchievedRate >= min,
            SuccessPass: successFraction >= RequiredFraction,
            SuccessPercent: successFraction * 100);
    }
}
