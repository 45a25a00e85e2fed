using System.CommandLine;
using System.CommandLine.Parsing;
using Hyok.Cli.Bench;
using Hyok.Cli.Targets;
using Hyok.Protocol;

namespace Hyok.Cli.Commands;

/// <summary>The options of <c>hyok bench</c>; out-of-range values are usage errors (exit 2).</summary>
internal sealed class BenchOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "The key store's API base, e.g. https://localhost:8443/keystores/default/kms/xks/v1. Default: from the configuration." };

    public Option<string?> Region { get; } = new("--region") { Description = "SigV4 Region. Default: us-east-1, or the key store's Region from the configuration." };

    public Option<string?> AccessKeyId { get; } = new("--access-key-id") { Description = "SigV4 access key id. Default: the key store's first credential." };

    public Option<string?> SecretFile { get; } = new("--secret-file") { Description = "File holding the secret access key. Default: credentials/STORE.secret beside the configuration." };

    public Option<string?> KeyId { get; } = new("--key-id") { Description = "External key id. Default: demo-key." };

    public Option<string?> CaCert { get; } = new("--cacert") { Description = "Trust exactly the certificate(s) in this PEM file. Default: the configuration's server certificate with --config or the embedded default, else the system's trust." };

    public Option<string?> Config { get; } = CommonOptions.Config();

    public Option<string> KeyStore { get; } = CommonOptions.KeyStore();

    public Option<string> Operation { get; } = Choice("--operation", "What to repeat; decrypt encrypts one ciphertext first.", "encrypt", "decrypt", "health", "metadata");

    public Option<string> Http { get; } = Choice("--http", "HTTP version, exactly (KMS may use HTTP/2).", "2", "1.1");

    public Option<int> PlaintextBytes { get; } = Ranged("--plaintext-bytes", "Plaintext size for encrypt and decrypt (32: a data key).", 32, 1, XksLimits.SpecMinimumPlaintextBytes);

    public Option<int> AadBytes { get; } = Ranged("--aad-bytes", "Additional authenticated data (encryption context) size.", 0, 0, XksLimits.SpecMinimumAadBytes);

    public Option<int> Concurrency { get; } = Ranged("--concurrency", "Requests in flight at once (closed loop).", 16, 1, 1024);

    public Option<int> Duration { get; } = Ranged("--duration", "Seconds to measure.", 10, 1, 86400);

    public Option<int> Warmup { get; } = Ranged("--warmup", "Seconds of load before measuring (not counted).", 2, 0, 3600);

    public Option<int> Requests { get; } = Ranged("--requests", "Stop after this many measured requests (0: no limit).", 0, 0, int.MaxValue);

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON line instead of the table." };

    public IEnumerable<Option> All => [Url, Region, AccessKeyId, SecretFile, KeyId, CaCert, Operation, PlaintextBytes, AadBytes,
        Concurrency, Duration, Warmup, Requests, Http, Json, KeyStore, Config];

    public XksTargetOptions Target(ParseResult result) => new(
        result.GetValue(Url), result.GetValue(Region), result.GetValue(AccessKeyId), result.GetValue(SecretFile),
        result.GetValue(KeyId), result.GetValue(CaCert), result.GetValue(Config), result.GetValue(KeyStore)!);

    public BenchSettings Settings(ParseResult result) => new(
        Enum.Parse<BenchOperation>(result.GetValue(Operation)!, ignoreCase: true),
        result.GetValue(PlaintextBytes),
        result.GetValue(AadBytes),
        result.GetValue(Concurrency),
        TimeSpan.FromSeconds(result.GetValue(Duration)),
        TimeSpan.FromSeconds(result.GetValue(Warmup)),
        result.GetValue(Requests),
        result.GetValue(Http) == "2" ? System.Net.HttpVersion.Version20 : System.Net.HttpVersion.Version11,
        result.GetValue(Json));

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
