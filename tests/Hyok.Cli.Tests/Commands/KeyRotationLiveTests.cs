using System.Text.Json.Nodes;
using Hyok.Cli.Tests.Support;
using Hyok.Client;

namespace Hyok.Cli.Tests.Commands;

/// <summary>
/// Key rotation on a running server (docs/key-rotation.md): <c>hyok keys rotate</c> from another process makes new
/// Encrypts use version 2 (metadata <c>0x02 0x02</c>) without a restart, old ciphertexts still decrypt, <c>versions</c>
/// counts uses from the audit trail, <c>retire</c> refuses without confirmation and, confirmed, old ciphertexts fail.
/// </summary>
public sealed class KeyRotationLiveTests
{
    private const string Key = "rot-key";
    private const string Version2 = "AgI=";

    [Fact]
    public async Task RotateThenRetire_WhileServing_NewVersionUsedOldDecryptsUntilRetired()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        var client = proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);
        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "create", Key));
        var old = await LiveCalls.UntilAsync(client, $"keys/{Key}/encrypt", LiveCalls.EncryptBody(), 200, null);
        await LiveCalls.UntilAsync(client, $"keys/{Key}/encrypt", LiveCalls.EncryptBody(), 200, null);
        Assert.Equal("AgE=", old["ciphertextMetadata"]!.GetValue<string>());

        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "rotate", Key));
        var (fresh, lateV1) = await EncryptUntilVersionAsync(client, Version2);
        var v1Encrypts = (2 + lateV1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LiveCalls.UntilAsync(client, $"keys/{Key}/decrypt", () => LiveCalls.Bytes(DecryptBody(old)), 200, null);
        await LiveCalls.UntilAsync(client, $"keys/{Key}/decrypt", () => LiveCalls.Bytes(DecryptBody(fresh)), 200, null);

        var metadata = await LiveCalls.UntilAsync(client, $"keys/{Key}/metadata", () => LiveCalls.Bytes(MetadataBody()), 200, null);
        Assert.Equal("""{"keySpec":"AES_256","keyUsage":["ENCRYPT","DECRYPT"],"keyStatus":"ENABLED"}""", metadata.ToJsonString());

        var versions = await data.Cli.RunAsync("keys", "versions", Key);
        CliAssert.Succeeded(versions);
        Assert.Equal(["1", "LIVE"], Row(versions.Stdout, "1")[..2]);
        Assert.Equal(["2", "CURRENT"], Row(versions.Stdout, "2")[..2]);
        Assert.Equal([v1Encrypts, "1"], Row(versions.Stdout, "1")[^2..]);

        var refused = await data.Cli.RunAsync("keys", "retire", Key, "--version", "1");
        CliAssert.UserError(refused, "not retired");
        Assert.Contains($"the {v1Encrypts} audit-recorded encryption(s)", refused.Stdout, StringComparison.Ordinal);
        CliAssert.UserError(await data.Cli.RunAsync("keys", "retire", Key, "--version", "2", "--confirm"), "current version");
        await LiveCalls.UntilAsync(client, $"keys/{Key}/decrypt", () => LiveCalls.Bytes(DecryptBody(old)), 200, null);

        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "retire", Key, "--version", "1", "--confirm"));
        await LiveCalls.UntilAsync(client, $"keys/{Key}/decrypt", () => LiveCalls.Bytes(DecryptBody(old)), 400, "InvalidCiphertextException");
        await LiveCalls.UntilAsync(client, $"keys/{Key}/decrypt", () => LiveCalls.Bytes(DecryptBody(fresh)), 200, null);
        Assert.Equal(["1", "RETIRED"], Row((await data.Cli.RunAsync("keys", "versions", Key)).Stdout, "1")[..2]);
    }

    [Fact]
    public async Task RotateEvery_SetsAndClearsTheSchedule_RotateDueRotatesNothingYet()
    {
        using var data = new EmbeddedDataFolder();

        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "rotate", "demo-key", "--every", "365d"));
        var scheduled = await data.Cli.RunAsync("keys", "versions", "demo-key");
        var due = await data.Cli.RunAsync("keys", "rotate-due");
        CliAssert.UserError(await data.Cli.RunAsync("keys", "rotate", "demo-key", "--every", "12h"), "--every '12h'");
        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "rotate", "demo-key", "--every", "off"));

        Assert.Contains("rotation schedule 365d", scheduled.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 key(s) rotated", due.Stdout, StringComparison.Ordinal);
        Assert.Contains("rotation schedule off", (await data.Cli.RunAsync("keys", "versions", "demo-key")).Stdout, StringComparison.Ordinal);
    }

    /// <summary>Encrypts until the answer carries <paramref name="metadata"/> (the server saw the rotation); counts the answers before.</summary>
    private static async Task<(JsonObject Answer, int Before)> EncryptUntilVersionAsync(XksClient client, string metadata)
    {
        for (var (clock, before) = (System.Diagnostics.Stopwatch.StartNew(), 0); ; before++, await Task.Delay(50))
        {
            var answer = await LiveCalls.UntilAsync(client, $"keys/{Key}/encrypt", LiveCalls.EncryptBody(), 200, null);
            if (answer["ciphertextMetadata"]!.GetValue<string>() == metadata || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                Assert.Equal(metadata, answer["ciphertextMetadata"]!.GetValue<string>());
                return (answer, before);
            }
        }
    }

    private static JsonObject MetadataBody() => new() { ["requestMetadata"] = RequestMetadata("DescribeKey") };

    private static JsonObject RequestMetadata(string operation) => new()
    {
        ["awsPrincipalArn"] = LiveCalls.Principal,
        ["kmsKeyArn"] = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ["kmsOperation"] = operation,
        ["kmsRequestId"] = Guid.NewGuid().ToString(),
    };

    internal static JsonObject DecryptBody(JsonObject encrypted) => new()
    {
        ["requestMetadata"] = RequestMetadata("Decrypt"),
        ["ciphertext"] = encrypted["ciphertext"]!.GetValue<string>(),
        ["ciphertextMetadata"] = encrypted["ciphertextMetadata"]!.GetValue<string>(),
        ["initializationVector"] = encrypted["initializationVector"]!.GetValue<string>(),
        ["authenticationTag"] = encrypted["authenticationTag"]!.GetValue<string>(),
        ["encryptionAlgorithm"] = "AES_GCM",
    };

    private static string[] Row(string stdout, string first) =>
        stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(cells => cells.Length > 0 && cells[0] == first);
}
