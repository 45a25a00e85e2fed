namespace Hyok.Server.Configuration;

/// <summary>Console logging of <c>hyok serve</c> (<c>Hyok:Logging</c>).</summary>
public sealed class LoggingOptions
{
    public const string Text = "text";
    public const string Json = "json";

    /// <summary><c>text</c> (default): one readable line per event; <c>json</c>: one JSON object per line, for log shippers.</summary>
    public string Format { get; set; } = Text;

    /// <summary>True when <see cref="Format"/> is <c>json</c> (any case).</summary>
    public bool IsJson => string.Equals(Format, Json, StringComparison.OrdinalIgnoreCase);
}
