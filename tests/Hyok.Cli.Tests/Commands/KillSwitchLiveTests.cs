using Hyok.Auditing;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary>
/// Kill switches on a running server (docs/kill-switches.md): one <c>hyok block</c> command, run as its own process,
/// refuses the matching requests within a second with the spec's error and an audit record naming the block;
/// <c>hyok unblock</c> lifts it; blocks survive a restart; a time-limited block ends by itself.
/// </summary>
public sealed class KillSwitchLiveTests
{
    private const string Key = "live-key";

    [Theory]
    [InlineData("key", Key, "InvalidStateException", 400)]
    [InlineData("key-store", "default", "InvalidStateException", 400)]
    [InlineData("principal", LiveCalls.Principal, "AccessDeniedException", 403)]
    [InlineData("service", "ebs", "AccessDeniedException", 403)]
    public async Task Block_WhileServing_RefusesWithinASecondAndUnblockLiftsIt(string kind, string value, string errorName, int status)
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        var client = proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);
        CliAssert.Succeeded(await data.Cli.RunAsync("keys", "create", Key));
        await LiveCalls.UntilAsync(client, $"keys/{Key}/encrypt", LiveCalls.EncryptBody("ebs"), 200, null);

        CliAssert.Succeeded(await data.Cli.RunAsync("block", kind, value, "--reason", "incident 42"));
        await LiveCalls.UntilAsync(client, $"keys/{Key}/encrypt", LiveCalls.EncryptBody("ebs"), status, errorName);

        var refused = new AuditTrailReader(Path.Combine(data.Root, "audit")).ReadAll().Last().Event;
        Assert.Equal((errorName, $"block 1 {kind} {value}"), (refused.Outcome, refused.Decision));
        CliAssert.Succeeded(await data.Cli.RunAsync("unblock", kind, value));
        await LiveCalls.UntilAsync(client, $"keys/{Key}/encrypt", LiveCalls.EncryptBody("ebs"), 200, null);
    }

    [Fact]
    public async Task KeyStoreBlock_AlsoRefusesHealth_KeyBlockDoesNot()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        var client = proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);

        CliAssert.Succeeded(await data.Cli.RunAsync("block", "key", "demo-key"));
        await LiveCalls.UntilAsync(client, "keys/demo-key/encrypt", LiveCalls.EncryptBody(), 400, "InvalidStateException");
        await LiveCalls.UntilAsync(client, "health", LiveCalls.HealthBody(), 200, null);

        CliAssert.Succeeded(await data.Cli.RunAsync("block", "key-store", "default"));
        await LiveCalls.UntilAsync(client, "health", LiveCalls.HealthBody(), 400, "InvalidStateException");
    }

    [Fact]
    public async Task Block_SurvivesRestart()
    {
        using var data = new EmbeddedDataFolder();
        CliAssert.Succeeded(await data.Cli.RunAsync("block", "key", "demo-key"));
        await using (var first = await RunningProxy.StartAsync(data))
        {
            var client = first.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);
            await LiveCalls.UntilAsync(client, "keys/demo-key/encrypt", LiveCalls.EncryptBody(), 400, "InvalidStateException");
        }

        await using var second = await RunningProxy.StartAsync(data);
        using var response = await second.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret)
            .SendAsync("keys/demo-key/encrypt", LiveCalls.EncryptBody()(), default);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("InvalidStateException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeLimitedBlock_EndsByItself()
    {
        using var data = new EmbeddedDataFolder();
        await using var proxy = await RunningProxy.StartAsync(data);
        var client = proxy.Client(data.DefaultCredential.AccessKeyId, data.DefaultCredential.Secret);

        CliAssert.Succeeded(await data.Cli.RunAsync("block", "principal", LiveCalls.Principal, "--for", "3s"));
        await LiveCalls.UntilAsync(client, "keys/demo-key/encrypt", LiveCalls.EncryptBody(), 403, "AccessDeniedException");
        await Task.Delay(TimeSpan.FromSeconds(3));

        await LiveCalls.UntilAsync(client, "keys/demo-key/encrypt", LiveCalls.EncryptBody(), 200, null);
    }
}
