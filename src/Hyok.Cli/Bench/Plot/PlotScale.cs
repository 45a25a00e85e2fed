using System.Globalization;

namespace Hyok.Cli.Bench.Plot;

/// <summary>Maps data values onto pixels between <paramref name="from"/> and <paramref name="to"/>, linearly or by decades, with the ticks to label.</summary>
internal sealed class PlotScale(double min, double max, double from, double to, bool logarithmic)
{
    private static readonly int[] Steps = [1, 2, 5, 10];

    public double Min => min;

    public double Max => max;

    /// <summary>Whole decades (0.1, 1, 10, ... ms) around <paramref name="low"/>-<paramref name="high"/> (both clamped to at least 0.001).</summary>
    public static PlotScale Log(double low, double high, double from, double to)
    {
        var bottom = Math.Floor(Math.Log10(Math.Max(low, 0.001)));
        var top = Math.Max(bottom + 1, Math.Ceiling(Math.Log10(Math.Max(high, 0.001))));
        return new PlotScale(Math.Pow(10, bottom), Math.Pow(10, top), from, to, logarithmic: true);
    }

    public static PlotScale Linear(double low, double high, double from, double to) =>
        new(low, high > low ? high : low + 1, from, to, logarithmic: false);

    public double Map(double value)
    {
        var clamped = Math.Clamp(value, min, max);
        var fraction = logarithmic
            ? (Math.Log10(clamped) - Math.Log10(min)) / (Math.Log10(max) - Math.Log10(min))
            : (clamped - min) / (max - min);
        return from + (fraction * (to - from));
    }

    /// <summary>Decades for a log scale; for a linear one about five round steps (1, 2 or 5 × 10ⁿ).</summary>
    public IEnumerable<double> Ticks()
    {
        if (logarithmic)
        {
            for (var value = min; value <= max * 1.0001; value *= 10)
            {
                yield return value;
            }

            yield break;
        }

        var rough = (max - min) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = Steps.Select(m => m * power).First(s => s >= rough);
        for (var value = Math.Ceiling(min / step) * step; value <= max + (step / 1000); value += step)
        {
            yield return value;
        }
    }

    public static string Label(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
