using Hyok.Server.Configuration;
using Microsoft.Extensions.Logging;

namespace Hyok.Server.Hosting;

public static partial class HyokServer
{
    /// <summary>
    /// Console logging per <c>Hyok:Logging:Format</c>: <c>text</c>, one readable line per event; <c>json</c>, one JSON
    /// object per line (timestamp in UTC, category, event id, level, message and its named values, e.g. for Loki or ELK).
    /// </summary>
    internal static void AddConsoleLogging(ILoggingBuilder logging, LoggingOptions options)
    {
        if (options.IsJson)
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            logging.AddSimpleConsole(text => text.SingleLine = true);
        }
    }
}
