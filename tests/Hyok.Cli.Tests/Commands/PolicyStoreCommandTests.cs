using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok policy push|versions|show|activate|remove</c> as an operator runs them against a fleet's PostgreSQL.</summary>
public sealed class PolicyStoreCommandTests
{
    private const string DenyEbs = """{ "version": 1, "rules": [ { "name": "no-ebs", "effect": "deny", "match": { "kmsViaService": "ebs" } } ] }""";

    [Fact]
    public async Task PushVersionsShowActivateRemove_OnPostgreSqlStorage()
    {
        using var data = new EmbeddedDataFolder();
        var db = await PostgresServer.Shared.CreateDatabaseAsync();
        var cli = data.Cli
            .With("Hyok__Storage__Provider", "postgresql")
            .With("Hyok__Storage__PostgreSql__ConnectionString", db.ConnectionString)
            .With("HYOK_DB_PASSWORD", db.Password);
        string good = data.Scratch("deny-ebs.json");
        string bad = data.Scratch("bad.json");
        File.WriteAllText(good, DenyEbs);
        File.WriteAllText(bad, """{ "version": 1, "rules": [ { "effect": "maybe" } ] }""");

        var first = await cli.RunAsync("policy", "push", good, "--key-store", "default");
        var second = await cli.RunAsync("policy", "push", good, "--key-store", "default");
        var invalid = await cli.RunAsync("policy", "push", bad, "--key-store", "default");
        var activate = await cli.RunAsync("policy", "activate", "--key-store", "default", "--version", "1");
        var versions = await cli.RunAsync("policy", "versions", "--key-store", "default");
        var show = await cli.RunAsync("policy", "show", "--key-store", "default", "--version", "2");
        var remove = await cli.RunAsync("policy", "remove", "--key-store", "default");
        var onSqlite = await data.Cli.RunAsync("policy", "versions", "--key-store", "default");

        CliAssert.Succeeded(first);
        Assert.StartsWith("Key store default: policy version 1 (sha256 ", first.Stdout, StringComparison.Ordinal);
        Assert.Contains(") is in force, mode enforce.", first.Stdout, StringComparison.Ordinal);
        CliAssert.Succeeded(second);
        CliAssert.UserError(invalid, "not pushed, the policy is invalid");
        CliAssert.Succeeded(activate);
        Assert.Matches(@"^  VERSION +CREATED +SHA256\n\* 1 .*\n  2 .*\n$", versions.Stdout);
        Assert.Equal(DenyEbs + "\n", show.Stdout);
        Assert.Equal("Key store default: no policy is in force now.\n", remove.Stdout);
        CliAssert.UserError(onSqlite, "only with PostgreSQL storage");
    }
}
