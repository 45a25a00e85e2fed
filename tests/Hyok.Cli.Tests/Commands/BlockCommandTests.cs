using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok block|unblock|blocks</c> as separate processes on an embedded default (each run reopens the database).</summary>
public sealed partial class BlockCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    [Fact]
    public async Task BlockUnblock_Key_ListedThenGone()
    {
        var blocked = await data.Cli.RunAsync("block", "key", "demo-key", "--for", "2h", "--reason", "incident 42");
        string id = BlockId(blocked);
        var listed = await data.Cli.RunAsync("blocks");
        var unblocked = await data.Cli.RunAsync("unblock", "key", "demo-key");
        var after = await data.Cli.RunAsync("blocks");
        var again = await data.Cli.RunAsync("unblock", "key", "demo-key");

        CliAssert.Succeeded(blocked);
        Assert.Contains("Blocked key 'demo-key' until ", blocked.Stdout, StringComparison.Ordinal);
        Assert.Contains("Requests get InvalidStateException. Takes effect on running servers within 1 second.", blocked.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(listed);
        Assert.Equal([id, "key", "demo-key", "active"], Row(listed.Stdout, id)[..4]);
        Assert.EndsWith("incident 42", listed.Stdout.Split('\n').Single(l => l.StartsWith(id + " ", StringComparison.Ordinal)), StringComparison.Ordinal);
        CliAssert.Succeeded(unblocked);
        Assert.Contains($"Removed block {id} on key 'demo-key'.", unblocked.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(after.Stdout.Split('\n'), l => l.StartsWith(id + " ", StringComparison.Ordinal));
        CliAssert.UserError(again, "No block on key 'demo-key'");
    }

    [Fact]
    public async Task Block_SameTargetTwice_SaysUpdatedAndKeepsId()
    {
        string id = BlockId(await data.Cli.RunAsync("block", "principal", "arn:aws:iam::111122223333:role/app", "--for", "1h"));

        var again = await data.Cli.RunAsync("block", "principal", "arn:aws:iam::111122223333:role/app");

        CliAssert.Succeeded(again);
        Assert.Contains($"Updated block {id}: principal 'arn:aws:iam::111122223333:role/app' is now blocked until unblocked.", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("Requests get AccessDeniedException.", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_UnknownKey_BlocksWithWarning()
    {
        var blocked = await data.Cli.RunAsync("block", "key", "future-key");

        Assert.True(blocked.ExitCode == 0, blocked.ToString());
        Assert.Equal("hyok: warning: no key 'future-key' exists (yet); the block applies once it does.", Assert.Single(blocked.StderrLines));
        Assert.Contains("Blocked key 'future-key' until unblocked", blocked.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_KeyStore_MustBeConfigured()
    {
        var unknown = await data.Cli.RunAsync("block", "key-store", "nope");
        var known = await data.Cli.RunAsync("block", "key-store", "default", "--until", "2099-12-01T02:00:00+02:00");
        var removed = await data.Cli.RunAsync("unblock", "--id", BlockId(known));

        CliAssert.UserError(unknown, "No key store named 'nope' in the configuration");
        CliAssert.Succeeded(known);
        Assert.Contains("Blocked key-store 'default' until 2099-12-01 00:00:00Z", known.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(removed);
    }

    [Theory]
    [InlineData("not in the future", "service", "s1", "--until", "2020-01-01T00:00:00Z")]
    [InlineData("is not a time like", "service", "s1", "--until", "12/01/2099")]
    [InlineData("is not a duration like", "service", "s1", "--for", "2x")]
    [InlineData("must be more than 0", "service", "s1", "--for", "0m")]
    [InlineData("Give --until or --for, not both.", "service", "s1", "--for", "1h", "--until", "2099-01-01")]
    [InlineData("contains control characters", "service", "s\u001b[31m1")]
    [InlineData("contains control characters", "service", "s1", "--reason", "line\nbreak")]
    [InlineData("starts or ends with white space", "principal", "arn:aws:iam::1:user/a ")]
    [InlineData("not a valid key id", "key", "bad id!")]
    public async Task Block_InvalidInput_IsOneClearLineAndNothingStored(string expected, params string[] arguments)
    {
        var result = await data.Cli.RunAsync(["block", .. arguments]);
        var all = await data.Cli.RunAsync("blocks", "--all", "--json");

        CliAssert.UserError(result, expected);
        Assert.DoesNotContain(JsonNode.Parse(all.Stdout)!.AsArray(), b => b!["value"]!.GetValue<string>() == arguments[1]);
    }

    [Fact]
    public async Task Block_ValueOver2048Characters_Refused()
    {
        CliAssert.UserError(await data.Cli.RunAsync("block", "principal", new string('a', 2049)), "longer than 2048 characters");
    }

    [Theory]
    [InlineData("unblock")]
    [InlineData("unblock", "key")]
    [InlineData("unblock", "key", "k", "--id", "1")]
    public async Task Unblock_NeitherOrBothForms_UserError(params string[] arguments)
    {
        CliAssert.UserError(await data.Cli.RunAsync(arguments), "Give either KIND VALUE");
    }

    [Fact]
    public async Task Unblock_UnknownId_UserError()
    {
        CliAssert.UserError(await data.Cli.RunAsync("unblock", "--id", "999999"), "No block with id 999999");
    }

    [Theory]
    [InlineData("block", "region", "us-east-1")]
    [InlineData("block", "key")]
    [InlineData("unblock", "--id", "x")]
    public async Task Command_UsageError_ExitsTwo(params string[] arguments)
    {
        var result = await data.Cli.RunAsync(arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public async Task Blocks_ExpiredBlock_OnlyWithAllAndMarkedExpired()
    {
        string id = BlockId(await data.Cli.RunAsync("block", "service", "short-lived", "--for", "1s", "--reason", "test"));
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        var active = await data.Cli.RunAsync("blocks");
        var all = await data.Cli.RunAsync("blocks", "--all");
        var json = await data.Cli.RunAsync("blocks", "--all", "--json");

        CliAssert.Succeeded(active);
        Assert.DoesNotContain("short-lived", active.Stdout, StringComparison.Ordinal);
        Assert.Equal([id, "service", "short-lived", "expired"], Row(all.Stdout, id)[..4]);
        var entry = JsonNode.Parse(json.Stdout)!.AsArray().Single(b => b!["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture) == id)!;
        Assert.False(entry["active"]!.GetValue<bool>());
        Assert.Equal("service", entry["kind"]!.GetValue<string>());
        Assert.Equal("test", entry["reason"]!.GetValue<string>());
        Assert.Equal("AccessDeniedException", entry["error"]!.GetValue<string>());
        Assert.EndsWith("Z", entry["until"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("block", "<key|key-store|principal|service>")]
    [InlineData("block", "--for")]
    [InlineData("unblock", "--id")]
    [InlineData("blocks", "--json")]
    public async Task Help_BlockCommands_PrintUsage(string command, string expected)
    {
        var result = await data.Cli.RunAsync(command, "--help");

        CliAssert.Succeeded(result);
        Assert.Contains($"Usage:\n  hyok {command}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
    }

    private static string BlockId(CliResult result)
    {
        var match = BlockIdPattern().Match(result.Stdout);
        Assert.True(match.Success, result.ToString());
        return match.Groups[1].Value;
    }

    private static string[] Row(string table, string id) =>
        table.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single(cells => cells.Length > 0 && cells[0] == id);

    [GeneratedRegex(@"\(block (\d+)\)")]
    private static partial Regex BlockIdPattern();
}
