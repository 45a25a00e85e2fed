using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Hyok.Cli.Tests.Support;
using Hyok.Client;

namespace Hyok.Cli.Tests.Commands;

/// <summary>
/// README: CLI changes reach a running server "within a second", without restart. The CLI runs as its own
/// process against the store of a server running in this process; the server must follow within a few seconds.
/// </summary>
public sealed class LiveServerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task KeysDisable_WhileServing_RefusesEncryptWithInvalidState()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        var client = proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);
        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "create", "live-key"));
        await UntilAsync(client, "keys/live-key/encrypt", EncryptBody(), 200, null);

        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "disable", "live-key"));
        await UntilAsync(client, "keys/live-key/encrypt", EncryptBody(), 400, "InvalidStateException");

        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "enable", "live-key"));
        await UntilAsync(client, "keys/live-key/encrypt", EncryptBody(), 200, null);
    }

    [Fact]
    public async Task CredentialsAddRemove_WhileServing_SignInThenAuthenticationFails()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var (accessKeyId, secret) = CredentialsCommandTests.Issued(await data.Cli.RunAsync("credentials", "add"));
        var client = proxy.Client(accessKeyId, secret);
        var health = await UntilAsync(client, "health", HealthBody(), 200, null);
        Assert.Equal("ACTIVE", health["ekmFleetDetails"]![0]!["healthStatus"]!.GetValue<string>());

        CliAssert.Succeeded(await data.Cli.RunAsync("credentials", "remove", accessKeyId));
        await UntilAsync(client, "health", HealthBody(), 401, "AuthenticationFailedException");
        await UntilAsync(proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret), "health", HealthBody(), 200, null);
    }

    /// <summary>Repeats a signed call until it answers <paramref name="status"/> (and <paramref name="errorName"/>), failing after the deadline.</summary>
    private static async Task<JsonObject> UntilAsync(XksClient client, string operation, Func<byte[]> body, int status, string? errorName)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.SendAsync(operation, body(), default);
            var text = await response.Content.ReadAsStringAsync();
            var json = JsonNode.Parse(text)!.AsObject();
            if ((int)response.StatusCode == status && (errorName is null || json["errorName"]?.GetValue<string>() == errorName))
            {
                return json;
            }

            Assert.True(clock.Elapsed < Deadline, $"{operation}: still {(int)response.StatusCode} {text} after {Deadline}, expected {status} {errorName}");
            await Task.Delay(50);
        }
    }

    private static Func<byte[]> HealthBody() => () => Bytes(new JsonObject
    {
        ["requestMetadata"] = new JsonObject { ["kmsRequestId"] = Guid.NewGuid().ToString(), ["kmsOperation"] = "KmsHealthCheck" },
    });

    private static Func<byte[]> EncryptBody() => () => Bytes(new JsonObject
    {
        ["requestMetadata"] = new JsonObject
        {
            ["awsPrincipalArn"] = "arn:aws:iam::123456789012:user/Alice",
            ["kmsKeyArn"] = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            ["kmsOperation"] = "Encrypt",
            ["kmsRequestId"] = Guid.NewGuid().ToString(),
        },
        ["plaintext"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("hello hyok")),
        ["encryptionAlgorithm"] = "AES_GCM",
    });

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
