using System.Globalization;

namespace Hyok.Cli.Bench.Plot;

/// <summary>The plot's lower charts from the run's timeline: p50/p99/max latency per second, and successful requests per second against <c>--rate</c>.</summary>
internal static class PerSecond
{
    public static void Draw(SvgCanvas svg, PlotPanel latency, PlotPanel rate, BenchResult result, BenchSettings settings, BenchSlo? slo, (double Low, double High) ms)
    {
        // A last interval under half a second holds the run's tail only: its rate and percentiles would mislead.
        var whole = result.Timeline.Where(p => p.LengthSeconds >= 0.5).ToList();
        var points = whole.Where(p => p.Requests > 0).ToList();
        var end = result.Timeline.Count > 0 ? result.Timeline[^1].EndSeconds : 1;
        var x = latency.LinearX(0, end);
        var y = latency.LogY(ms.Low, ms.High);
        latency.Axes("Latency over time (per second)", x, y, "seconds of the measured run", "latency (ms, log scale)", PlotScale.Label);
        svg.Polyline(points.Select(p => (x.Map(Middle(p)), y.Map(p.MaxMs))), "#999", "max");
        svg.Polyline(points.Select(p => (x.Map(Middle(p)), y.Map(p.P99Ms))), "#d2691e", "p99");
        svg.Polyline(points.Select(p => (x.Map(Middle(p)), y.Map(p.P50Ms))), "#1f5fbf", "p50");
        LatencyPlot.Slo(latency, y, slo);
        latency.Legend(("p50", "#1f5fbf"), ("p99", "#d2691e"), ("max", "#999"));

        var rates = whole.Select(p => (p, Rate: (p.Requests - p.Errors) / p.LengthSeconds)).ToList();
        var rx = rate.LinearX(0, end);
        var ry = rate.LinearY(0, Math.Max(settings.Rate, rates.Select(r => r.Rate).DefaultIfEmpty(1).Max()) * 1.1);
        rate.Axes("Successful requests per second", rx, ry, "seconds of the measured run", "req/s", PlotScale.Label);
        svg.Polyline(rates.Select(r => (rx.Map(Middle(r.p)), ry.Map(r.Rate))), "#2a8a2a", "rate");
        if (settings.OpenLoop)
        {
            rate.Threshold(ry, settings.Rate, string.Create(CultureInfo.InvariantCulture, $"target {settings.Rate} req/s"), "#555", "target-rate");
        }
    }

    private static double Middle(TimelinePoint point) => point.EndSeconds - (point.LengthSeconds / 2);
}
