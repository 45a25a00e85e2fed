using System.Text.Json.Nodes;
using Hyok.Authentication;

namespace Hyok.Cli.Conformance;

/// <summary>Checks every operation repeats: a wrong access key id, a wrong secret (401) and an unknown path prefix (404).</summary>
internal static class CommonChecks
{
    public static IEnumerable<ConformanceCheck> BadCredentials(string keyIdCheck, string secretCheck, string label, string operation, Func<JsonObject> body)
    {
        yield return new(keyIdCheck, $"{label}: unknown access key id", async probe =>
        {
            var client = probe.Client(probe.Target.ApiUri.AbsolutePath, CredentialGenerator.NewAccessKeyId(), probe.Target.Secret);
            return Expect.Error(await probe.SendAsync(client, Operation(probe, operation), ConformanceProbe.Bytes(body())).ConfigureAwait(false), 401, "AuthenticationFailedException");
        });
        yield return new(secretCheck, $"{label}: wrong secret", async probe =>
        {
            var client = probe.Client(probe.Target.ApiUri.AbsolutePath, probe.Target.AccessKeyId, CredentialGenerator.NewSecret());
            return Expect.Error(await probe.SendAsync(client, Operation(probe, operation), ConformanceProbe.Bytes(body())).ConfigureAwait(false), 401, "AuthenticationFailedException");
        });
    }

    public static ConformanceCheck UnknownPrefix(string id, string label, string operation, Func<JsonObject> body) =>
        new(id, $"{label}: unknown path prefix", async probe =>
        {
            var client = probe.Client(ConformanceProbe.UnknownPrefixPath, probe.Target.AccessKeyId, probe.Target.Secret);
            return Expect.Error(await probe.SendAsync(client, Operation(probe, operation), ConformanceProbe.Bytes(body())).ConfigureAwait(false), 404, "InvalidUriPathException");
        });

    /// <summary><c>{key}</c> in an operation path stands for the target key.</summary>
    public static string Operation(ConformanceProbe probe, string operation) => operation.Replace("{key}", probe.Target.KeyId, StringComparison.Ordinal);
}
