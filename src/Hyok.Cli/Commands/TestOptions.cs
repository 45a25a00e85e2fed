using System.CommandLine;
using Hyok.Cli.Conformance;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Commands;

/// <summary>The options of <c>hyok test</c>: the proxy (XKS endpoint and path prefix, as configured in KMS), its credential, keys and the run's scope.</summary>
internal sealed class TestOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint") { Description = "The proxy's XksProxyUriEndpoint, e.g. https://xks.example.com (a port is allowed). Default: from the configuration." };

    public Option<string?> Prefix { get; } = new("--prefix") { Description = "The path prefix before /kms/xks/v1, e.g. /keystores/default (empty when the proxy serves /kms/xks/v1). Needs --endpoint." };

    public Option<string?> EncryptOnlyKeyId { get; } = new("--encrypt-only-key-id") { Description = "A key that may only encrypt (checks 18a-c; skipped without)." };

    public Option<string?> DecryptOnlyKeyId { get; } = new("--decrypt-only-key-id") { Description = "A key that may only decrypt (check 18d; skipped without)." };

    public Option<string?> DisabledKeyId { get; } = new("--disabled-key-id") { Description = "A disabled key (checks 19a-c; skipped without)." };

    public Option<bool> All { get; } = new("--all") { Description = "Also the slow and optional checks: TLS 1.0/1.1 refused, TLS 1.2/1.3 accepted, HTTP/1.1 and HTTP/2, 4300-byte plaintext." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print a JSON report instead of lines." };

    public TargetOptions Given { get; } = new();

    public IEnumerable<Option> Options => [Endpoint, Prefix, .. Given.All, EncryptOnlyKeyId, DecryptOnlyKeyId, DisabledKeyId, All, Json];

    /// <summary>The target; <c>--endpoint</c> and <c>--prefix</c> make the API base URL <c>ENDPOINT[PREFIX]/kms/xks/v1</c>.</summary>
    public XksTargetOptions Target(ParseResult result) => Given.Target(result, ApiUrl(result.GetValue(Endpoint), result.GetValue(Prefix)));

    public ConformanceSettings Settings(ParseResult result) => new(
        result.GetValue(All), result.GetValue(EncryptOnlyKeyId), result.GetValue(DecryptOnlyKeyId), result.GetValue(DisabledKeyId));

    private static string? ApiUrl(string? endpoint, string? prefix)
    {
        if (endpoint is null)
        {
            return prefix is null ? null : throw new CliException("--prefix needs --endpoint.");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != "https" || uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            throw new CliException($"--endpoint {endpoint} is not an https:// endpoint without a path, e.g. https://xks.example.com (the path prefix goes in --prefix).");
        }

        var path = (prefix ?? string.Empty).Trim('/');
        path = path.EndsWith("kms/xks/v1", StringComparison.Ordinal) ? path[..^"kms/xks/v1".Length].TrimEnd('/') : path;
        return $"{uri.GetLeftPart(UriPartial.Authority)}{(path.Length == 0 ? string.Empty : "/" + path)}/kms/xks/v1";
    }
}
