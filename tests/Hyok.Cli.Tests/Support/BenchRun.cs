using System.Text.Json.Nodes;

namespace Hyok.Cli.Tests.Support;

/// <summary>The JSON line of one <c>hyok bench --json</c> run, with the checks every successful run must pass.</summary>
internal sealed class BenchRun(JsonObject json)
{
    public static readonly string[] Short = ["--duration", "1", "--warmup", "0", "--concurrency", "2", "--json"];

    public JsonObject Json { get; } = json;

    public long Requests => Json["requests"]!.GetValue<long>();

    public long ErrorCount => Json["errorCount"]!.GetValue<long>();

    public JsonObject Errors => Json["errors"]!.AsObject();

    public string Backend => Json["backend"]!.GetValue<string>();

    /// <summary>Exit 0, nothing on stderr, exactly one stdout line, and it is a JSON object.</summary>
    public static BenchRun Parse(CliResult result)
    {
        CliAssert.Succeeded(result);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return new BenchRun(JsonNode.Parse(line)!.AsObject());
    }

    /// <summary>
    /// A run with an SLO verdict: nothing on stderr, one JSON line, and the exit code the verdict calls for (0 PASS,
    /// 1 FAIL), whichever it is (tests do not assert speed).
    /// </summary>
    public static BenchRun ParseJudged(CliResult result)
    {
        Assert.True(result.Stderr.Length == 0, result.ToString());
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var run = new BenchRun(JsonNode.Parse(line)!.AsObject());
        Assert.True(result.ExitCode == (run.Verdict == "PASS" ? 0 : 1), result.ToString());
        return run;
    }

    public string? Verdict => Json["slo"]?["verdict"]?.GetValue<string>();

    /// <summary>Requests were made, latencies are positive and ordered p50 ≤ p90 ≤ p99 ≤ p99.9 ≤ max (no timing thresholds).</summary>
    public void AssertSane()
    {
        Assert.True(Requests > 0, Json.ToJsonString());
        Assert.True(Json["durationSeconds"]!.GetValue<double>() > 0, Json.ToJsonString());
        Assert.True(Json["throughput"]!.GetValue<double>() > 0, Json.ToJsonString());
        var latency = Json["latencyMs"]!.AsObject();
        var values = new[] { "p50", "p90", "p99", "p99.9", "max" }.Select(p => latency[p]!.GetValue<double>()).ToArray();
        Assert.True(values[0] > 0, Json.ToJsonString());
        Assert.True(values.Zip(values.Skip(1)).All(pair => pair.First <= pair.Second), Json.ToJsonString());
        Assert.False(Json["interrupted"]!.GetValue<bool>());
    }

    public void AssertNoErrors()
    {
        Assert.True(ErrorCount == 0, Json.ToJsonString());
        Assert.Empty(Errors);
    }
}
