using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok keys create|list|show|disable|enable</c> as a separate process on an embedded default with a second key store.</summary>
public sealed class KeysCommandTests : IClassFixture<EmbeddedDataFolder>
{
    private readonly EmbeddedDataFolder _data;

    public KeysCommandTests(EmbeddedDataFolder data)
    {
        _data = data;
        _data.EnsureKeyStore("second", "/keystores/second", "eu-west-1");
    }

    [Theory]
    [InlineData("encrypt-decrypt")]
    [InlineData("encrypt")]
    [InlineData("decrypt")]
    [InlineData("none")]
    public async Task Create_WithUsage_ShowsThatUsageEnabled(string usage)
    {
        var id = $"usage-{usage}";

        var created = await _data.Cli.RunAsync("keys", "create", id, "--usage", usage);
        var shown = await _data.Cli.RunAsync("keys", "show", id);

        CliAssert.Succeeded(created);
        CliAssert.Succeeded(shown);
        Assert.Equal([id, "default", usage, "ENABLED"], Row(shown.Stdout, id)[..4]);
    }

    [Fact]
    public async Task Create_WithoutUsage_IsEncryptDecrypt()
    {
        CliAssert.Succeeded(await _data.Cli.RunAsync("keys", "create", "plain-key"));

        Assert.Equal("encrypt-decrypt", Row((await _data.Cli.RunAsync("keys", "show", "plain-key")).Stdout, "plain-key")[2]);
    }

    [Fact]
    public async Task List_ByKeyStore_ShowsOnlyThatStoresKeys()
    {
        CliAssert.Succeeded(await _data.Cli.RunAsync("keys", "create", "second-key", "--key-store", "second"));

        var second = await _data.Cli.RunAsync("keys", "list", "--key-store", "second");
        var first = await _data.Cli.RunAsync("keys", "list", "--key-store", "default");
        var all = await _data.Cli.RunAsync("keys", "list");

        CliAssert.Succeeded(second);
        Assert.Equal(["second-key"], Ids(second.Stdout));
        Assert.Equal("second", Row(second.Stdout, "second-key")[1]);
        Assert.Contains("demo-key", Ids(first.Stdout));
        Assert.DoesNotContain("second-key", Ids(first.Stdout));
        Assert.Contains("second-key", Ids(all.Stdout));
        Assert.Contains("demo-key", Ids(all.Stdout));
    }

    [Fact]
    public async Task DisableEnable_Key_ChangesItsState()
    {
        CliAssert.Succeeded(await _data.Cli.RunAsync("keys", "create", "toggled-key"));

        var disabled = await _data.Cli.RunAsync("keys", "disable", "toggled-key");
        var listed = await _data.Cli.RunAsync("keys", "list");
        var enabled = await _data.Cli.RunAsync("keys", "enable", "toggled-key");

        CliAssert.Succeeded(disabled);
        Assert.Equal("DISABLED", Row(disabled.Stdout, "toggled-key")[3]);
        Assert.Equal("DISABLED", Row(listed.Stdout, "toggled-key")[3]);
        CliAssert.Succeeded(enabled);
        Assert.Equal("ENABLED", Row(enabled.Stdout, "toggled-key")[3]);
    }

    [Theory]
    [InlineData("create", "bad id!")]
    [InlineData("create", "a/b")]
    [InlineData("show", "bad id!")]
    [InlineData("disable", "ünïcode")]
    public async Task Command_InvalidKeyId_IsOneClearLine(string command, string id)
    {
        var result = await _data.Cli.RunAsync("keys", command, id);

        CliAssert.UserError(result, $"'{id}' is not a valid key id: use 1-128 characters of A-Z a-z 0-9 - . _");
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("disable")]
    [InlineData("enable")]
    public async Task Command_UnknownKey_IsOneClearLine(string command)
    {
        CliAssert.UserError(await _data.Cli.RunAsync("keys", command, "no-such-key"), "no key with id 'no-such-key'");
    }

    [Fact]
    public async Task Create_ExistingId_IsOneClearLine()
    {
        CliAssert.UserError(await _data.Cli.RunAsync("keys", "create", "demo-key"), "a key with id 'demo-key' already exists");
    }

    [Theory]
    [InlineData("create", "new-key")]
    [InlineData("list")]
    public async Task Command_UnknownKeyStore_IsOneClearLine(params string[] command)
    {
        var result = await _data.Cli.RunAsync(["keys", .. command, "--key-store", "nope"]);

        CliAssert.UserError(result, "No key store named 'nope' in the configuration (configured: default, second).");
    }

    [Theory]
    [InlineData("create")]
    [InlineData("create", "k", "--usage", "sign")]
    [InlineData("frobnicate")]
    public async Task Command_UsageError_ExitsTwo(params string[] command)
    {
        var result = await _data.Cli.RunAsync(["keys", .. command]);

        Assert.True(result.ExitCode == 2, result.ToString());
        CliAssert.NoStackTrace(result);
    }

    private static string[] Row(string table, string id) =>
        table.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single(cells => cells.Length > 0 && cells[0] == id);

    private static string[] Ids(string table) =>
        [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ')[0])];
}
