using System.Text.Json.Nodes;

namespace Hyok.Cli.Conformance;

/// <summary>GetHealthStatus, xks-spec.md §12 items 1-5 (§4.4).</summary>
internal static class HealthChecks
{
    private static readonly string[] Statuses = ["ACTIVE", "DEGRADED", "UNAVAILABLE"];
    private static readonly string[] NamedFields = ["xksProxyVendor", "xksProxyModel", "ekmVendor"];

    public static IEnumerable<ConformanceCheck> All()
    {
        yield return new("1", "health: valid request", async probe => Shape(await probe.SendAsync("health", ConformanceBodies.Health()).ConfigureAwait(false)));
        yield return new("2a", "health: body {}", async probe =>
            Expect.Error(await probe.SendAsync("health", new JsonObject()).ConfigureAwait(false), 400, "ValidationException"));
        yield return new("2b", "health: empty requestMetadata", async probe =>
            Expect.Error(await probe.SendAsync("health", new JsonObject { ["requestMetadata"] = new JsonObject() }).ConfigureAwait(false), 400, "ValidationException"));
        foreach (var check in CommonChecks.BadCredentials("3a", "3b", "health", "health", () => ConformanceBodies.Health()))
        {
            yield return check;
        }

        yield return CommonChecks.UnknownPrefix("4", "health", "health", () => ConformanceBodies.Health());
        yield return new("5", "GET on the health, metadata, encrypt and decrypt URIs", GetIsRefusedAsync);
    }

    /// <summary>200 with the fields of xks-spec.md §4.4: fleet size an integer &gt; 0, 1-10 EKM entries, statuses in the allowed set.</summary>
    private static CheckVerdict Shape(XksAnswer answer)
    {
        const string expected = "200, xksProxyFleetSize > 0, vendor/model strings, 1-10 ekmFleetDetails with id, model, healthStatus";
        if (!answer.IsSuccess)
        {
            return CheckVerdict.Fail(expected, answer.Describe());
        }

        var json = answer.Json();
        var fleet = json?["ekmFleetDetails"] as JsonArray;
        var problem = json is null ? "the body is not a JSON object"
            : json["xksProxyFleetSize"] is not JsonValue size || !size.TryGetValue(out int count) || count <= 0 ? "xksProxyFleetSize is not an integer > 0"
            : NamedFields.FirstOrDefault(f => !IsString(json[f])) is { } missing ? $"{missing} is not a string"
            : fleet is null || fleet.Count is < 1 or > 10 ? $"ekmFleetDetails has {fleet?.Count ?? 0} entries (must be 1-10)"
            : fleet.Any(e => e is not JsonObject entry || !IsString(entry["id"]) || !IsString(entry["model"])) ? "an ekmFleetDetails entry lacks id or model"
            : fleet.FirstOrDefault(e => !Statuses.Contains(e!["healthStatus"] is JsonValue s && s.TryGetValue(out string? v) ? v : null)) is not null ? "a healthStatus is not ACTIVE, DEGRADED or UNAVAILABLE"
            : null;
        return problem is null
            ? CheckVerdict.Pass(expected, $"200, fleet of {json!["xksProxyFleetSize"]}, {fleet!.Count} EKM instance(s): {string.Join(", ", fleet.Select(e => e!["healthStatus"]))}")
            : CheckVerdict.Fail(expected, $"200, but {problem}");
    }

    private static async Task<CheckVerdict> GetIsRefusedAsync(ConformanceProbe probe)
    {
        foreach (var operation in new[] { "health", $"keys/{probe.Target.KeyId}/metadata", $"keys/{probe.Target.KeyId}/encrypt", $"keys/{probe.Target.KeyId}/decrypt" })
        {
            var answer = await probe.SendAsync(probe.Client(), operation, [], probe.Resign("GET", [], TimeSpan.Zero)).ConfigureAwait(false);
            if (answer.Status != 405)
            {
                return CheckVerdict.Fail("405 for each", $"GET {operation}: {answer.Describe()}");
            }
        }

        return CheckVerdict.Pass("405 for each", "405 for each");
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? _);
}
