using System.Text.RegularExpressions;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok credentials add|list|remove</c>: the secret is printed once, by <c>add</c>, and never again.</summary>
public sealed partial class CredentialsCommandTests(EmbeddedDataFolder data) : IClassFixture<EmbeddedDataFolder>
{
    [Fact]
    public async Task Add_Credential_PrintsSecretOnceAndListNeverDoes()
    {
        var added = await data.Cli.RunAsync("credentials", "add");
        var (accessKeyId, secret) = Issued(added);

        var listed = await data.Cli.RunAsync("credentials", "list");
        var listedByStore = await data.Cli.RunAsync("credentials", "list", "--key-store", "default");

        CliAssert.Succeeded(added);
        Assert.Matches("^[A-Z2-7]{26}$", accessKeyId);
        Assert.Matches("^[A-Za-z0-9+/]{43}=$", secret);
        foreach (var list in new[] { listed, listedByStore })
        {
            CliAssert.Succeeded(list);
            Assert.Contains(accessKeyId, list.Stdout, StringComparison.Ordinal);
            Assert.Contains(data.DefaultCredential.AccessKeyId, list.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, list.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(data.DefaultCredential.Secret, list.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Remove_Credential_IsNoLongerListed()
    {
        var (accessKeyId, _) = Issued(await data.Cli.RunAsync("credentials", "add", "--key-store", "default"));

        var removed = await data.Cli.RunAsync("credentials", "remove", accessKeyId);
        var listed = await data.Cli.RunAsync("credentials", "list");
        var again = await data.Cli.RunAsync("credentials", "remove", accessKeyId);

        CliAssert.Succeeded(removed);
        Assert.Contains($"Removed {accessKeyId} from key store default.", removed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(accessKeyId, listed.Stdout, StringComparison.Ordinal);
        CliAssert.UserError(again, $"no credential '{accessKeyId}' in key store 'default'");
    }

    [Theory]
    [InlineData("add")]
    [InlineData("list")]
    public async Task Command_UnknownKeyStore_IsOneClearLine(string command)
    {
        CliAssert.UserError(await data.Cli.RunAsync("credentials", command, "--key-store", "nope"), "No key store named 'nope' in the configuration");
    }

    [Fact]
    public async Task Remove_WithoutAccessKeyId_ExitsTwo()
    {
        var result = await data.Cli.RunAsync("credentials", "remove");

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    /// <summary>The access key id and secret from <c>credentials add</c>'s output.</summary>
    internal static (string AccessKeyId, string Secret) Issued(CliResult added)
    {
        var accessKeyId = AccessKeyIdLine().Match(added.Stdout);
        var secret = SecretLine().Match(added.Stdout);
        Assert.True(accessKeyId.Success && secret.Success, added.ToString());
        return (accessKeyId.Groups[1].Value, secret.Groups[1].Value);
    }

    [GeneratedRegex(@"(?m)^Access key id:\s+(\S+)$")]
    private static partial Regex AccessKeyIdLine();

    [GeneratedRegex(@"(?m)^Secret access key:\s+(\S+)$")]
    private static partial Regex SecretLine();
}
