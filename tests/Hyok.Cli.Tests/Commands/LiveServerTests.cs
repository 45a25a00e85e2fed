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
    [Fact]
    public async Task KeysDisable_WhileServing_RefusesEncryptWithInvalidState()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        var client = proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);
        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "create", "live-key"));
        await LiveCalls.UntilAsync(client, "keys/live-key/encrypt", LiveCalls.EncryptBody(), 200, null);

        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "disable", "live-key"));
        await LiveCalls.UntilAsync(client, "keys/live-key/encrypt", LiveCalls.EncryptBody(), 400, "InvalidStateException");

        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "enable", "live-key"));
        await LiveCalls.UntilAsync(client, "keys/live-key/encrypt", LiveCalls.EncryptBody(), 200, null);
    }

    [Fact]
    public async Task CredentialsAddRemove_WhileServing_SignInThenAuthenticationFails()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);

        var (accessKeyId, secret) = CredentialsCommandTests.Issued(await data.Cli.RunAsync("credentials", "add"));
        var client = proxy.Client(accessKeyId, secret);
        var health = await LiveCalls.UntilAsync(client, "health", LiveCalls.HealthBody(), 200, null);
        Assert.Equal("ACTIVE", health["ekmFleetDetails"]![0]!["healthStatus"]!.GetValue<string>());

        CliAssert.Succeeded(await data.Cli.RunAsync("credentials", "remove", accessKeyId));
        await LiveCalls.UntilAsync(client, "health", LiveCalls.HealthBody(), 401, "AuthenticationFailedException");
        await LiveCalls.UntilAsync(proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret), "health", LiveCalls.HealthBody(), 200, null);
    }
}
