using System.Globalization;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Bench.Plot;

/// <summary>What the plot's heading says about the run: the load, the target and backend, and when.</summary>
internal sealed record PlotCaption(BenchSettings Settings, XksTarget Target, string Backend, DateTimeOffset At)
{
    public string Title
    {
        get
        {
            var load = Settings.OpenLoop ? $"open loop at {Settings.Rate} req/s" : $"closed loop, {Settings.Concurrency} concurrent";
            return $"hyok bench: {(Settings.Mix.Weights.Count == 1 ? Settings.OperationName : Settings.Mix.Text)}, {load}";
        }
    }

    public string Details => string.Create(CultureInfo.InvariantCulture,
        $"{Target.ApiUri} over HTTP/{Settings.HttpName}, backend {Backend}, {At.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
}
