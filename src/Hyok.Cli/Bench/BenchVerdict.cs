namespace Hyok.Cli.Bench;

/// <summary>A run against its <see cref="BenchSlo"/>: which parts held. The command exits 1 unless <see cref="Pass"/>.</summary>
internal sealed record BenchVerdict(bool P99Pass, bool RatePass, bool SuccessPass, double SuccessPercent)
{
    public bool Pass => P99Pass && RatePass && SuccessPass;

    public string Word => Pass ? "PASS" : "FAIL";
}
