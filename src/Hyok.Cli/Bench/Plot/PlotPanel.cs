namespace Hyok.Cli.Bench.Plot;

/// <summary>One chart of the plot: a framed area with a title, labelled axes and grid lines, drawing data through its scales.</summary>
internal sealed class PlotPanel(SvgCanvas svg, double left, double top, double width, double height)
{
    public double Left => left;

    public double Right => left + width;

    public double Top => top;

    public double Bottom => top + height;

    public PlotScale LinearX(double min, double max) => PlotScale.Linear(min, max, left, left + width);

    public PlotScale LogY(double min, double max) => PlotScale.Log(min, max, top + height, top);

    public PlotScale LinearY(double min, double max) => PlotScale.Linear(min, max, top + height, top);

    /// <summary>Frame, title, grid and tick labels; <paramref name="xLabel"/> names an x tick (e.g. a percentile).</summary>
    public void Axes(string title, PlotScale x, PlotScale y, string xTitle, string yTitle, Func<double, string> xLabel)
    {
        svg.Text(left, top - 10, title, size: 14, bold: true);
        svg.Rect(left, top, width, height, "none", "#888");
        foreach (var tick in y.Ticks())
        {
            svg.Line(left, y.Map(tick), Right, y.Map(tick), "#ddd");
            svg.Text(left - 6, y.Map(tick) + 4, PlotScale.Label(tick), anchor: "end");
        }

        foreach (var tick in x.Ticks())
        {
            svg.Line(x.Map(tick), top, x.Map(tick), Bottom, "#eee");
            svg.Text(x.Map(tick), Bottom + 16, xLabel(tick), anchor: "middle");
        }

        svg.Text(left + (width / 2), Bottom + 34, xTitle, anchor: "middle");
        svg.Text(left - 50, top + (height / 2), yTitle, anchor: "middle", rotate: -90);
    }

    /// <summary>A dashed horizontal line at <paramref name="value"/>, labelled at its right end.</summary>
    public void Threshold(PlotScale y, double value, string label, string color, string className)
    {
        svg.Line(left, y.Map(value), Right, y.Map(value), color, className, dash: "6 4", width: 1.5);
        svg.Text(Right - 4, y.Map(value) - 5, label, anchor: "end", fill: color);
    }

    /// <summary>Legend entries stacked at the top right, inside the frame.</summary>
    public void Legend(params (string Label, string Color)[] entries)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            var y = top + 16 + (i * 16);
            svg.Line(Right - 90, y - 4, Right - 70, y - 4, entries[i].Color, width: 2);
            svg.Text(Right - 64, y, entries[i].Label);
        }
    }
}
