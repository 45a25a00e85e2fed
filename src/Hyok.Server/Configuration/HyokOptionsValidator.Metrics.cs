namespace Hyok.Server.Configuration;

/// <summary>Checks of <c>Hyok:Metrics</c> and <c>Hyok:Logging</c>.</summary>
public static partial class HyokOptionsValidator
{
    private static void ValidateObservability(HyokOptions options, List<string> problems)
    {
        var logging = options.Logging.Format;
        if (!string.Equals(logging, LoggingOptions.Text, StringComparison.OrdinalIgnoreCase) && !options.Logging.IsJson)
        {
            problems.Add($"Hyok:Logging:Format '{logging}' is not supported (supported: text, json).");
        }

        if (!options.Metrics.Enabled)
        {
            return;
        }

        var metrics = ParseListenAddress(options.Metrics.Listen!);
        if (metrics is null)
        {
            problems.Add($"Hyok:Metrics:Listen: '{options.Metrics.Listen}' is not IP:port or localhost:port.");
            return;
        }

        // Port 0 (any free port, tests) never collides; otherwise the scrape endpoint must not share an XKS port.
        var clash = metrics.Port != 0 && options.Server.Listen.Select(ParseListenAddress).Any(x => x is not null && x.Port == metrics.Port);
        if (clash)
        {
            problems.Add($"Hyok:Metrics:Listen: port {metrics.Port} is also an XKS port (Hyok:Server:Listen); the metrics listener needs its own port.");
        }
    }
}
