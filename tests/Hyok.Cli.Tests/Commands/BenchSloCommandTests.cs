using System.Xml.Linq;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary>
/// <c>hyok bench</c> as an SLO harness, run as a separate process against a proxy in this process: the open loop
/// at a modest rate, the mix, the JSON report, the SVG plot, the verdict's exit code and errors by errorName.
/// Rates are asserted loosely and latencies never (this machine is shared); speed is for docs/performance.md.
/// </summary>
public sealed class BenchSloCommandTests
{
    private static readonly string[] Quick = ["--warmup", "0", "--json"];

    [Fact]
    public async Task Bench_OpenLoopAt200PerSecond_AchievesAboutTheRate()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = BenchRun.ParseJudged(await data.Cli.RunAsync(
            [.. BenchCommandTests.ExplicitTarget(data, proxy), "--rate", "200", "--duration", "2", "--slo-p99-ms", "60000", .. Quick]));

        run.AssertSane();
        Assert.Equal("open", run.Json["mode"]!.GetValue<string>());
        Assert.Equal(200, run.Json["rate"]!.GetValue<int>());
        Assert.Equal(2, run.Json["windowSeconds"]!.GetValue<double>());
        Assert.True(run.Json["achievedRate"]!.GetValue<double>() >= 160, run.Json.ToJsonString());
        Assert.Equal(400, run.Requests + run.Json["dropped"]!.GetValue<long>());
    }

    [Fact]
    public async Task Bench_Mix_SendsEachOperationItsShare()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = BenchRun.Parse(await data.Cli.RunAsync(
            [.. BenchCommandTests.ExplicitTarget(data, proxy), "--mix", "encrypt=2,decrypt=1,metadata=1,health=0", "--requests", "40",
                "--duration", "60", "--concurrency", "2", .. Quick]));

        run.AssertNoErrors();
        Assert.Equal("mix", run.Json["operation"]!.GetValue<string>());
        var operations = run.Json["operations"]!.AsObject();
        Assert.Equal(["encrypt", "decrypt", "metadata"], operations.Select(o => o.Key));
        Assert.Equal([20L, 10, 10], operations.Select(o => o.Value!["requests"]!.GetValue<long>()));
        Assert.All(operations, o => Assert.True(o.Value!["latencyMs"]!["p50"]!.GetValue<double>() > 0));
    }

    [Fact]
    public async Task Bench_Json_ReportsEveryField()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = BenchRun.ParseJudged(await data.Cli.RunAsync(
            [.. BenchCommandTests.ExplicitTarget(data, proxy), "--rate", "50", "--duration", "2", "--max-in-flight", "64", "--slo-p99-ms", "60000", .. Quick]));

        string[] fields = ["mode", "operation", "mix", "backend", "http", "concurrency", "rate", "maxInFlight", "peakInFlight", "plaintextBytes",
            "aadBytes", "durationSeconds", "windowSeconds", "requests", "succeeded", "errorCount", "errors", "dropped", "late", "sendDelayMs", "throughput",
            "achievedRate", "latencyMs", "operations", "timeline", "slo", "interrupted"];
        Assert.Equal(fields, run.Json.Select(f => f.Key));
        Assert.Equal(64, run.Json["maxInFlight"]!.GetValue<int>());
        Assert.Null(run.Json["concurrency"]);
        var timeline = run.Json["timeline"]!.AsArray();
        Assert.InRange(timeline.Count, 2, 3);
        Assert.Equal(run.Requests, timeline.Sum(p => p!["requests"]!.GetValue<long>()));
        Assert.All(timeline, p => Assert.Equal(["endSeconds", "requests", "errorCount", "ratePerSecond", "p50Ms", "p99Ms", "maxMs"], p!.AsObject().Select(f => f.Key)));
        var slo = run.Json["slo"]!.AsObject();
        Assert.Equal(["p99Ms", "p99Pass", "minRate", "ratePass", "successPercent", "successPass", "verdict"], slo.Select(f => f.Key));
        Assert.Equal(60000, slo["p99Ms"]!.GetValue<double>());
        Assert.Equal(49.5, slo["minRate"]!.GetValue<double>());
        Assert.True(slo["p99Pass"]!.GetValue<bool>(), run.Json.ToJsonString());
    }

    [Fact]
    public async Task Bench_Plot_WritesSvgWithBothChartsAndTheSloLine()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        var plot = data.Scratch("latency.svg");

        BenchRun.ParseJudged(await data.Cli.RunAsync(
            [.. BenchCommandTests.ExplicitTarget(data, proxy), "--rate", "100", "--duration", "3", "--slo-p99-ms", "60000", "--plot", plot, .. Quick]));

        var svg = XDocument.Load(plot).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.StartsWith("hyok bench: encrypt, open loop at 100 req/s", svg.Element(ns + "title")!.Value, StringComparison.Ordinal);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("Latency by percentile", texts);
        Assert.Contains("Latency over time (per second)", texts);
        Assert.Contains("latency (ms, log scale)", texts);
        Assert.Contains("99 %", texts);
        Assert.Contains("SLO: p99 ≤ 60000 ms", texts);
        var lines = svg.Descendants(ns + "polyline").Select(p => (string)p.Attribute("class")!).ToList();
        Assert.Equal(["spectrum", "max", "p99", "p50", "rate"], lines);
        Assert.All(svg.Descendants(ns + "polyline"), p => Assert.Matches(@"^[0-9.]+,[0-9.]+( [0-9.]+,[0-9.]+)+$", (string)p.Attribute("points")!));
        Assert.Equal(2, svg.Descendants(ns + "line").Count(l => (string?)l.Attribute("class") == "slo"));
        Assert.Single(svg.Descendants(ns + "line"), l => (string?)l.Attribute("class") == "target-rate");
    }

    [Fact]
    public async Task Bench_ImpossibleP99_PrintsFailAndExitsOne()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var result = await data.Cli.RunAsync(
            [.. BenchCommandTests.ExplicitTarget(data, proxy), "--slo-p99-ms", "0.001", "--duration", "1", "--warmup", "0", "--concurrency", "2", "--quiet"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Empty(result.Stderr);
        Assert.Matches(@"(?m)^SLO: FAIL \(p99 [0-9.]+ ms not ≤ 0\.001 ms; 100 % successful, ≥ 99 %\)$", result.Stdout);
    }

    [Fact]
    public async Task Bench_ImpossibleP99Json_SaysFailInTheReport()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = BenchRun.ParseJudged(await data.Cli.RunAsync(
            [.. BenchCommandTests.ExplicitTarget(data, proxy), "--rate", "50", "--duration", "1", "--slo-p99-ms", "0.001", .. Quick]));

        Assert.Equal("FAIL", run.Verdict);
        Assert.False(run.Json["slo"]!["p99Pass"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bench_UnknownKey_CountsKeyNotFoundByErrorName()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var run = BenchRun.Parse(await data.Cli.RunAsync(
            [.. BenchCommandTests.ExplicitTarget(data, proxy), "--key-id", "no-such-key", "--mix", "encrypt=1,health=1", "--requests", "20",
                "--duration", "60", "--concurrency", "2", .. Quick]));

        Assert.Equal(10, Assert.Single(run.Errors, e => e.Key == "404 KeyNotFoundException").Value!.GetValue<long>());
        Assert.Equal(10, run.ErrorCount);
        Assert.Equal(10, run.Json["operations"]!["encrypt"]!["errorCount"]!.GetValue<long>());
        Assert.Equal(0, run.Json["operations"]!["health"]!["errorCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Bench_TextMode_PrintsProgressEachSecondOnStderr()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var result = await data.Cli.RunAsync([.. BenchCommandTests.ExplicitTarget(data, proxy), "--rate", "50", "--duration", "2", "--warmup", "1", "--slo-p99-ms", "60000"]);

        Assert.Contains("warm-up 1/1 s", result.StderrLines);
        Assert.Contains(result.StderrLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ +1 s +[0-9.]+ of 50 req/s  p99 so far [0-9.]+ ms  0 errors, 0 dropped, [0-9]+ late$"));
        Assert.Matches(@"(?m)^SLO: (PASS|FAIL) ", result.Stdout);
    }
}
