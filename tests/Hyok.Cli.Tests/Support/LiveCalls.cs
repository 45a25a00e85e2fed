using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Hyok.Client;

namespace Hyok.Cli.Tests.Support;

/// <summary>
/// Signed calls against a running proxy that the CLI changes from another process: the README promises changes take
/// effect "within a second"; the tests allow a few seconds of slack for a loaded CI machine.
/// </summary>
public static class LiveCalls
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>Repeats a signed call until it answers <paramref name="status"/> (and <paramref name="errorName"/>), failing after the deadline.</summary>
    public static async Task<JsonObject> UntilAsync(XksClient client, string operation, Func<byte[]> body, int status, string? errorName, Func<JsonObject, bool>? also = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.SendAsync(operation, body(), default);
            var text = await response.Content.ReadAsStringAsync();
            var json = JsonNode.Parse(text)!.AsObject();
            if ((int)response.StatusCode == status && (errorName is null || json["errorName"]?.GetValue<string>() == errorName) && (also is null || also(json)))
            {
                return json;
            }

            Assert.True(clock.Elapsed < Deadline, $"{operation}: still {(int)response.StatusCode} {text} after {Deadline}, expected {status} {errorName}");
            await Task.Delay(50);
        }
    }

    public static Func<byte[]> HealthBody() => () => Bytes(new JsonObject
    {
        ["requestMetadata"] = new JsonObject { ["kmsRequestId"] = Guid.NewGuid().ToString(), ["kmsOperation"] = "KmsHealthCheck" },
    });

    public const string Principal = "arn:aws:iam::123456789012:user/Alice";

    /// <summary>An Encrypt body from <see cref="Principal"/>, through <paramref name="viaService"/> when given.</summary>
    public static Func<byte[]> EncryptBody(string? viaService = null) => () =>
    {
        var metadata = new JsonObject
        {
            ["awsPrincipalArn"] = Principal,
            ["kmsKeyArn"] = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            ["kmsOperation"] = "Encrypt",
            ["kmsRequestId"] = Guid.NewGuid().ToString(),
        };
        if (viaService is not null)
        {
            metadata["kmsViaService"] = viaService;
        }

        return Bytes(new JsonObject
        {
            ["requestMetadata"] = metadata,
            ["plaintext"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("hello hyok")),
            ["encryptionAlgorithm"] = "AES_GCM",
        });
    };

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
