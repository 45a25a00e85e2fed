using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hyok.Cli.Doctor;

/// <summary>The <c>--json</c> report: endpoint, path and connect address (never the credential), each check, the summary. Documented in docs/operations.md.</summary>
internal static class DoctorJson
{
    public static string Write(DoctorTarget target, IReadOnlyList<DoctorFinding> findings, DoctorSummary summary)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("endpoint", target.Endpoint);
            json.WriteString("uriPath", target.UriPath);
            json.WriteString("connect", target.ConnectTo is { } to ? $"{to.Host}:{to.Port}" : null);
            json.WriteStartArray("checks");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("check", finding.Check);
                json.WriteString("outcome", finding.Outcome.ToString().ToLowerInvariant());
                json.WriteString("detail", finding.Detail);
                json.WriteString("fix", finding.Fix);
                json.WriteString("kmsError", finding.KmsError);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("passed", summary.Passed);
            json.WriteNumber("warnings", summary.Warnings);
            json.WriteNumber("failed", summary.Failed);
            json.WriteNumber("skipped", summary.Skipped);
            json.WriteBoolean("ready", summary.Ready);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
