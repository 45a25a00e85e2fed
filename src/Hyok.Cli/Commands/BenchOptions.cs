using System.CommandLine;
using System.CommandLine.Parsing;
using Hyok.Cli.Bench;
using Hyok.Protocol;

namespace Hyok.Cli.Commands;

/// <summary>The options of <c>hyok bench</c>; out-of-range values are usage errors (exit 2).</summary>
internal sealed partial class BenchOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "The key store's API base, e.g. https://localhost:8443/keystores/default/kms/xks/v1. Default: from the configuration." };

    public TargetOptions Target { get; } = new();

    public Option<string> Operation { get; } = Choice("--operation", "What to repeat; decrypt encrypts one ciphertext first.", "encrypt", "decrypt", "health", "metadata");

    public Option<string?> Mix { get; } = MixOption();

    public Option<string> Http { get; } = Choice("--http", "HTTP version, exactly (KMS may use HTTP/2).", "2", "1.1");

    public Option<int> PlaintextBytes { get; } = Ranged("--plaintext-bytes", "Plaintext size for encrypt and decrypt (32: a data key).", 32, 1, XksLimits.SpecMinimumPlaintextBytes);

    public Option<int> AadBytes { get; } = Ranged("--aad-bytes", "Additional authenticated data (encryption context) size.", 0, 0, XksLimits.SpecMinimumAadBytes);

    public Option<int> Concurrency { get; } = Ranged("--concurrency", "Requests in flight at once (closed loop).", 16, 1, 1024);

    public Option<int> Rate { get; } = Ranged("--rate", "Open loop: requests per second on a fixed timetable, latency from each request's intended start (0: closed loop).", 0, 0, 1_000_000);

    public Option<int> MaxInFlight { get; } = Ranged("--max-in-flight", "Open loop: most requests waiting for answers; one due beyond that is dropped.", 4096, 1, 1_000_000);

    public Option<double?> SloP99Ms { get; } = SloOption();

    public Option<string?> Plot { get; } = new("--plot") { Description = "Write an SVG latency plot (percentiles and latency over time, with the SLO line) to this file." };

    public Option<bool> Quiet { get; } = new("--quiet") { Description = "No progress line on stderr each second." };

    public Option<int> Duration { get; } = Ranged("--duration", "Seconds to measure.", 10, 1, 86400);

    public Option<int> Warmup { get; } = Ranged("--warmup", "Seconds of load before measuring (not counted).", 2, 0, 3600);

    public Option<int> Requests { get; } = Ranged("--requests", "Stop after this many measured requests (0: no limit).", 0, 0, int.MaxValue);

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON line instead of the table (no progress lines)." };

    public IEnumerable<Option> All => [Url, .. Target.All, Operation, Mix, PlaintextBytes, AadBytes,
        Concurrency, Rate, MaxInFlight, Duration, Warmup, Requests, Http, SloP99Ms, Plot, Quiet, Json];

    /// <summary>Usage errors that involve two options.</summary>
    public void Validate(CommandResult result)
    {
        if (result.GetResult(Mix) is not null && result.GetResult(Operation) is { Implicit: false })
        {
            result.AddError("Give either --operation or --mix, not both.");
        }
    }

    public BenchSettings Settings(ParseResult result) => new(
        result.GetValue(Mix) is { } mix ? BenchMix.Parse(mix) : BenchMix.Single(Enum.Parse<BenchOperation>(result.GetValue(Operation)!, ignoreCase: true)),
        result.GetValue(PlaintextBytes),
        result.GetValue(AadBytes),
        result.GetValue(Concurrency),
        TimeSpan.FromSeconds(result.GetValue(Duration)),
        TimeSpan.FromSeconds(result.GetValue(Warmup)),
        result.GetValue(Requests),
        result.GetValue(Http) == "2" ? System.Net.HttpVersion.Version20 : System.Net.HttpVersion.Version11,
        result.GetValue(Json),
        result.GetValue(Rate),
        result.GetValue(MaxInFlight),
        result.GetValue(SloP99Ms),
        result.GetValue(Quiet),
        result.GetValue(Plot));

    private static Option<string> Choice(string name, string description, string fallback, params string[] others)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.AcceptOnlyFromAmong([fallback, .. others]);
        return option;
    }

    private static Option<int> Ranged(string name, string description, int fallback, int min, int max)
    {
        var option = new Option<int>(name) { Description = max == int.MaxValue ? description : $"{description} {min}-{max}.", DefaultValueFactory = _ => fallback };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value && (value < min || value > max))
            {
                result.AddError($"{name} must be {min}-{max}, not {value}.");
            }
        });
        return option;
    }
}
