using System.Text;
using System.Text.Json;
using Hyok.Cli.Targets;

namespace Hyok.Cli.Conformance;

/// <summary>
/// The <c>--json</c> report, one object: the target (URL, Region, key; never the credential), each check with id,
/// name, outcome, expected, actual and durationMs, and the summary. Documented in docs/conformance.md.
/// </summary>
internal static class ConformanceJson
{
    public static string Write(XksTarget target, IReadOnlyList<CheckResult> results, ConformanceSummary summary)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("url", target.ApiUri.ToString());
            json.WriteString("region", target.Region);
            json.WriteString("keyId", target.KeyId);
            json.WriteStartArray("checks");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("id", result.Id);
                json.WriteString("name", result.Name);
                json.WriteString("outcome", result.Outcome.ToString().ToLowerInvariant());
                json.WriteString("expected", result.Verdict.Expected);
                json.WriteString("actual", result.Verdict.Actual);
                json.WriteNumber("durationMs", Math.Round(result.Duration.TotalMilliseconds, 1));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("total", summary.Total);
            json.WriteNumber("passed", summary.Passed);
            json.WriteNumber("failed", summary.Failed);
            json.WriteNumber("skipped", summary.Skipped);
            json.WriteNumber("durationMs", Math.Round(summary.Duration.TotalMilliseconds, 1));
            json.WriteBoolean("conformant", summary.Passes);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
