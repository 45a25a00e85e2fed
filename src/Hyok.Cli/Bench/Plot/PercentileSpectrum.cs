using System.Globalization;

namespace Hyok.Cli.Bench.Plot;

/// <summary>
/// Latency against percentile on HdrHistogram's scale: x = log10(1 / (1 − p)), so 90 %, 99 %, 99.9 % are evenly
/// spaced and the tail gets the room. Runs to the last decade the sample count resolves (99.9 % needs 1000 requests).
/// </summary>
internal static class PercentileSpectrum
{
    private const double Step = 0.02;

    public static IReadOnlyList<(double Decades, double Ms)> Of(LatencyHistogram latencies)
    {
        var last = Math.Clamp(Math.Floor(Math.Log10(Math.Max(10, latencies.Count))), 1, 6);
        var points = new List<(double, double)>();
        for (var decades = 0.0; decades <= last + (Step / 2); decades += Step)
        {
            var percentile = 100 * (1 - Math.Pow(10, -Math.Min(decades, last)));
            points.Add((Math.Min(decades, last), latencies.ValueAtPercentile(percentile) / 1000.0));
        }

        return points;
    }

    /// <summary>The percentile at a whole number of decades: 0 %, 90 %, 99 %, 99.9 %, ...</summary>
    public static string Label(double decades) =>
        (100 * (1 - Math.Pow(10, -decades))).ToString("0.#####", CultureInfo.InvariantCulture) + " %";
}
