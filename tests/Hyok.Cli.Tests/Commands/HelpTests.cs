using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary>README "CLI": <c>hyok COMMAND --help</c> works for every command, without a data folder.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("", "serve")]
    [InlineData("serve", "--config")]
    [InlineData("keys", "create")]
    [InlineData("keys create", "--usage <decrypt|encrypt|encrypt-decrypt|none>")]
    [InlineData("keys list", "--key-store")]
    [InlineData("keys show", "<id>")]
    [InlineData("keys disable", "InvalidStateException")]
    [InlineData("keys enable", "<id>")]
    [InlineData("credentials", "remove")]
    [InlineData("credentials add", "print its secret once")]
    [InlineData("credentials list", "never secrets")]
    [InlineData("credentials remove", "<access-key-id>")]
    [InlineData("config", "check")]
    [InlineData("config check", "report every problem at once")]
    [InlineData("", "bench")]
    [InlineData("bench", "--operation <decrypt|encrypt|health|metadata>")]
    [InlineData("", "policy")]
    [InlineData("policy", "explain")]
    [InlineData("policy check", "<file>")]
    [InlineData("policy explain", "--operation <Decrypt|Encrypt|GetKeyMetadata> (REQUIRED)")]
    [InlineData("", "doctor")]
    [InlineData("doctor", "--connect")]
    [InlineData("", "db")]
    [InlineData("db", "migrate")]
    [InlineData("db status", "--config")]
    [InlineData("", "fleet")]
    [InlineData("fleet status", "--json")]
    [InlineData("audit search", "--instance")]
    public async Task Help_EachCommand_PrintsUsage(string command, string expected)
    {
        var cli = new HyokCli(Path.Combine(Path.GetTempPath(), "hyok-help-no-data-" + Guid.NewGuid().ToString("N")));

        var result = await cli.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        CliAssert.Succeeded(result);
        Assert.Contains($"Usage:\n  hyok {command}".TrimEnd(), result.Stdout, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
    }
}
