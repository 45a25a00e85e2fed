namespace Hyok.Server.Tests.Metrics;

/// <summary>
/// Scrape tests run alone, after the parallel ones. Meters are process-wide and OpenTelemetry follows every meter of a
/// name: when another test's server stops while a scrape test runs, its disposed meters end the merged series this
/// server exports too, and its counters and gauges read zero or vanish (seen as "Expected 2, Actual 0").
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsScrapeGroup
{
    public const string Name = "metrics scrape";
}
