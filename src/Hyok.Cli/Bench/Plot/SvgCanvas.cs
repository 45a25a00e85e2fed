using System.Globalization;
using System.Text;
using System.Xml;

namespace Hyok.Cli.Bench.Plot;

/// <summary>A self-contained SVG file (no scripts, fonts or links), written element by element; XmlWriter escapes every text.</summary>
internal sealed class SvgCanvas : IDisposable
{
    private const string Ns = "http://www.w3.org/2000/svg";

    private readonly XmlWriter _xml;

    public SvgCanvas(string file, int width, int height, string title)
    {
        _xml = XmlWriter.Create(file, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        _xml.WriteStartElement("svg", Ns);
        Attributes(("width", width), ("height", height), ("viewBox", $"0 0 {width} {height}"), ("font-family", "sans-serif"), ("font-size", 12));
        _xml.WriteElementString("title", Ns, title);
        Rect(0, 0, width, height, "white", null);
    }

    public void Rect(double x, double y, double width, double height, string fill, string? stroke) =>
        Element("rect", ("x", x), ("y", y), ("width", width), ("height", height), ("fill", fill), ("stroke", stroke ?? "none"));

    public void Line(double x1, double y1, double x2, double y2, string stroke, string? className = null, string? dash = null, double width = 1) =>
        Element("line", ("class", className), ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2), ("stroke", stroke), ("stroke-width", width), ("stroke-dasharray", dash));

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, string className) =>
        Element("polyline", ("class", className), ("fill", "none"), ("stroke", stroke), ("stroke-width", 1.5),
            ("points", string.Join(' ', points.Select(p => $"{Number(p.X)},{Number(p.Y)}"))));

    public void Circle(double x, double y, double radius, string fill) => Element("circle", ("cx", x), ("cy", y), ("r", radius), ("fill", fill));

    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = "#222", bool bold = false, double rotate = 0)
    {
        _xml.WriteStartElement("text", Ns);
        Attributes(("x", x), ("y", y), ("text-anchor", anchor), ("font-size", size), ("fill", fill), ("font-weight", bold ? "bold" : null),
            ("transform", rotate == 0 ? null : $"rotate({Number(rotate)} {Number(x)} {Number(y)})"));
        _xml.WriteString(text);
        _xml.WriteEndElement();
    }

    public void Dispose()
    {
        _xml.WriteEndElement();
        _xml.Dispose();
    }

    private static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    private void Element(string name, params (string Name, object? Value)[] attributes)
    {
        _xml.WriteStartElement(name, Ns);
        Attributes(attributes);
        _xml.WriteEndElement();
    }

    private void Attributes(params (string Name, object? Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _xml.WriteAttributeString(name, value is double number ? Number(number) : Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }
    }
}
