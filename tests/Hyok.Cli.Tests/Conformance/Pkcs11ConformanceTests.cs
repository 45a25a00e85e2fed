using System.Text.Json.Nodes;
using Hyok.Cli.KeyAdmin;
using Hyok.Cli.Tests.Support;
using Hyok.Keys;
using Hyok.Keys.Hardware;
using Hyok.Server.Configuration;

namespace Hyok.Cli.Tests.Conformance;

/// <summary>
/// <c>hyok test</c> against Hyok on the PKCS#11 backend, keys generated on a real SoftHSM2 token of this test process
/// (a missing SoftHSM2 fails the test, it never skips): every check passes, the special keys and <c>--all</c> included.
/// </summary>
public sealed class Pkcs11ConformanceTests
{
    [Fact]
    public async Task Test_HyokPkcs11BackendOnSoftHsm_EveryCheckPasses()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data, options =>
        {
            options.Backend.Type = BackendOptions.Pkcs11Type;
            options.Backend.Pkcs11 = SoftHsm.Shared.Main.Options(poolSize: 2, waitMilliseconds: 200);
        });
        var suffix = Guid.NewGuid().ToString("N")[..8];

        // Not disposed: the key admin would close the token the running server uses.
        var keys = new Pkcs11KeyAdmin(proxy.Runtime.Token!, new HardwareKeyRecords(proxy.Runtime.Database), TimeProvider.System);
        keys.Create($"hsm-key-{suffix}", "default", KeyUsage.EncryptDecrypt);
        keys.Create($"enc-only-{suffix}", "default", KeyUsage.Encrypt);
        keys.Create($"dec-only-{suffix}", "default", KeyUsage.Decrypt);
        keys.Create($"off-key-{suffix}", "default", KeyUsage.EncryptDecrypt);
        keys.SetState($"off-key-{suffix}", KeyState.Disabled);

        string[] arguments = [.. TestCommandTests.Target(data, proxy.Port, $"hsm-key-{suffix}"), "--all",
            "--encrypt-only-key-id", $"enc-only-{suffix}", "--decrypt-only-key-id", $"dec-only-{suffix}", "--disabled-key-id", $"off-key-{suffix}"];
        Assert.True(await DisabledKeyArrivedAsync(proxy, data, $"off-key-{suffix}"), "the new token keys did not reach the running server");

        var run = await ConformanceRun.RunAsync(data.Cli, arguments);

        run.AssertAllPassed();
        Assert.Contains("SoftHSM", await HealthModelAsync(proxy, data), StringComparison.Ordinal);
    }

    private static Task<bool> DisabledKeyArrivedAsync(RunningProxy proxy, EmbeddedDataFolder data, string keyId)
    {
        var client = proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);
        return Eventually.WithinAsync(TimeSpan.FromSeconds(10), async () =>
        {
            var body = new JsonObject { ["requestMetadata"] = new JsonObject { ["awsPrincipalArn"] = LiveCalls.Principal, ["kmsOperation"] = "CreateKey", ["kmsRequestId"] = "conformance" } };
            using var response = await client.SendAsync($"keys/{keyId}/metadata", LiveCalls.Bytes(body), default);
            return (await response.Content.ReadAsStringAsync()).Contains("\"DISABLED\"", StringComparison.Ordinal);
        });
    }

    private static async Task<string> HealthModelAsync(RunningProxy proxy, EmbeddedDataFolder data)
    {
        var health = await LiveCalls.UntilAsync(proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret), "health", LiveCalls.HealthBody(), 200, null);
        return health["ekmFleetDetails"]![0]!["model"]!.GetValue<string>();
    }
}
