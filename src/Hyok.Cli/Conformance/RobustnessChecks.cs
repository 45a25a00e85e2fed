using System.Text.Json.Nodes;

namespace Hyok.Cli.Conformance;

/// <summary>What future KMS versions may send must be accepted: xks-spec.md §12 item 20 (§3.1, §3.2).</summary>
internal static class RobustnessChecks
{
    public static IEnumerable<ConformanceCheck> All()
    {
        yield return new("20a", "encrypt: unknown kmsOperation value", async probe =>
            Expect.Success(await probe.SendAsync($"keys/{probe.Target.KeyId}/encrypt",
                ConformanceBodies.Encrypt(ConformanceProbe.Random(16), null, kmsOperation: "BulkEncrypt")).ConfigureAwait(false), "encrypt"));
        yield return new("20b", "health: unknown kmsOperation value", async probe =>
            Expect.Success(await probe.SendAsync("health", ConformanceBodies.Health("FutureHealthCheck")).ConfigureAwait(false), "health"));
        yield return new("20c", "encrypt: extra unknown JSON properties (top level and requestMetadata)", async probe =>
        {
            var body = ConformanceBodies.Encrypt(ConformanceProbe.Random(16), null);
            body["futureField"] = "ignored";
            ((JsonObject)body["requestMetadata"]!)["kmsFutureField"] = new JsonObject { ["nested"] = 1 };
            return Expect.Success(await probe.SendAsync($"keys/{probe.Target.KeyId}/encrypt", body).ConfigureAwait(false), "encrypt");
        });
    }
}
