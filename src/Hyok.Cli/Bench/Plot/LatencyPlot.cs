using System.Globalization;

namespace Hyok.Cli.Bench.Plot;

/// <summary>
/// <c>--plot FILE.svg</c>: the run on one page for a person (e.g. attached to a KMS quota-increase request): latency
/// by percentile, latency per second, and successful requests per second, with the SLO's p99 bound and the target rate drawn.
/// </summary>
internal static class LatencyPlot
{
    public const int Width = 960;
    public const int Height = 900;
    private const double Left = 90;
    private const double PanelWidth = Width - Left - 40;

    public static void Write(string file, PlotCaption caption, BenchResult result, BenchSlo? slo)
    {
        var spectrum = PercentileSpectrum.Of(result.Tally.Latencies);
        var highest = new[] { result.LatencyMs(100), slo?.P99Ms ?? 0 }.Concat(result.Timeline.Select(p => p.MaxMs)).Max();
        var lowest = spectrum.Select(p => p.Ms).Concat(result.Timeline.Select(p => p.P50Ms)).Where(v => v > 0).DefaultIfEmpty(0.1).Min();
        using var svg = new SvgCanvas(file, Width, Height, caption.Title);
        svg.Text(Left, 30, caption.Title, size: 16, bold: true);
        svg.Text(Left, 50, caption.Details, size: 11, fill: "#555");
        svg.Text(Left, 68, Summary(result, slo), size: 11, fill: slo?.Judge(result).Pass is false ? "#b00" : "#060");

        var top = new PlotPanel(svg, Left, 110, PanelWidth, 260);
        var x = top.LinearX(0, spectrum[^1].Decades);
        var y = top.LogY(lowest, highest);
        top.Axes("Latency by percentile", x, y, "percentile (log scale of 1/(1−p))", "latency (ms, log scale)", PercentileSpectrum.Label);
        svg.Polyline(spectrum.Select(p => (x.Map(p.Decades), y.Map(p.Ms))), "#1f5fbf", "spectrum");
        svg.Circle(x.Map(2), y.Map(result.LatencyMs(99)), 4, "#d2691e");
        svg.Text(x.Map(2) + 8, y.Map(result.LatencyMs(99)) + 16, FormattableString.Invariant($"p99 {result.LatencyMs(99):0.###} ms"), fill: "#d2691e");
        Slo(top, y, slo);

        PerSecond.Draw(svg, new PlotPanel(svg, Left, 440, PanelWidth, 230), new PlotPanel(svg, Left, 740, PanelWidth, 110), result, caption.Settings, slo, (lowest, highest));
    }

    public static void Slo(PlotPanel panel, PlotScale y, BenchSlo? slo)
    {
        if (slo is not null)
        {
            panel.Threshold(y, slo.P99Ms, FormattableString.Invariant($"SLO: p99 ≤ {slo.P99Ms:0.###} ms"), "#c00", "slo");
        }
    }

    private static string Summary(BenchResult result, BenchSlo? slo)
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{result.Requests} requests in {result.Measured.TotalSeconds:0.0} s, {result.ErrorCount} errors, {result.AchievedRate:0.0} successful req/s; " +
            $"p50 {result.LatencyMs(50):0.###} ms, p99 {result.LatencyMs(99):0.###} ms, p99.9 {result.LatencyMs(99.9):0.###} ms, max {result.LatencyMs(100):0.###} ms");
        return slo?.Judge(result) is { } verdict ? $"SLO {verdict.Word}. {summary}" : summary;
    }
}
