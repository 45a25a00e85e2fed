using System.Text.Json.Nodes;

namespace Hyok.Cli.Conformance;

/// <summary>GetKeyMetadata, xks-spec.md §12 items 6-9 (§4.1).</summary>
internal static class MetadataChecks
{
    public static IEnumerable<ConformanceCheck> All()
    {
        yield return new("6a", "metadata: kmsOperation CreateKey", async probe =>
            Shape(await probe.SendAsync($"keys/{probe.Target.KeyId}/metadata", ConformanceBodies.Metadata()).ConfigureAwait(false), "ENABLED"));
        yield return new("6b", "metadata: kmsOperation DescribeKey with kmsKeyArn and kmsViaService", async probe =>
            Shape(await probe.SendAsync($"keys/{probe.Target.KeyId}/metadata", ConformanceBodies.Metadata(describeKey: true)).ConfigureAwait(false), "ENABLED"));
        yield return new("7a", "metadata: body {}", async probe =>
            Expect.Error(await probe.SendAsync($"keys/{probe.Target.KeyId}/metadata", new JsonObject()).ConfigureAwait(false), 400, "ValidationException"));
        yield return new("7b", "metadata: empty requestMetadata", async probe =>
            Expect.Error(await probe.SendAsync($"keys/{probe.Target.KeyId}/metadata", new JsonObject { ["requestMetadata"] = new JsonObject() }).ConfigureAwait(false), 400, "ValidationException"));
        yield return new("8", "metadata: keys/non_existing_key", async probe =>
            Expect.Error(await probe.SendAsync("keys/non_existing_key/metadata", ConformanceBodies.Metadata()).ConfigureAwait(false), 404, "KeyNotFoundException"));
        foreach (var check in CommonChecks.BadCredentials("9a", "9b", "metadata", "keys/{key}/metadata", () => ConformanceBodies.Metadata()))
        {
            yield return check;
        }

        yield return CommonChecks.UnknownPrefix("9c", "metadata", "keys/{key}/metadata", () => ConformanceBodies.Metadata());
    }

    /// <summary>200 with <c>keySpec</c> AES_256, 1-10 upper-case usages including ENCRYPT and DECRYPT, and <paramref name="status"/>.</summary>
    public static CheckVerdict Shape(XksAnswer answer, string status)
    {
        var expected = $"200, keySpec AES_256, keyUsage ⊇ ENCRYPT, DECRYPT (at most 10), keyStatus {status}";
        if (!answer.IsSuccess)
        {
            return CheckVerdict.Fail(expected, answer.Describe());
        }

        var json = answer.Json();
        var usage = (json?["keyUsage"] as JsonArray)?.Select(u => u is JsonValue v && v.TryGetValue(out string? s) ? s : "?").ToList();
        var problem = json is null ? "the body is not a JSON object"
            : Text(json["keySpec"]) != "AES_256" ? "keySpec is not AES_256"
            : usage is null || !usage.Contains("ENCRYPT") || !usage.Contains("DECRYPT") ? "keyUsage lacks ENCRYPT or DECRYPT"
            : usage.Count > 10 ? $"keyUsage has {usage.Count} values (at most 10)"
            : Text(json["keyStatus"]) is not ("ENABLED" or "DISABLED") ? "keyStatus is not ENABLED or DISABLED"
            : null;
        var actual = problem is null ? $"200, AES_256, {string.Join('+', usage!)}, {Text(json!["keyStatus"])}" : $"200, but {problem}";
        return CheckVerdict.Of(problem is null && Text(json!["keyStatus"]) == status, expected, actual);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
