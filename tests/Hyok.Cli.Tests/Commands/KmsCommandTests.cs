using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Commands;

/// <summary><c>hyok kms serve</c> as a separate process: first run in the data folder, configuration problems.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class KmsCommandTests
{
    [Fact]
    public async Task KmsServe_FirstRun_CreatesPrivateStatePrintsEndpointAndNeverTheSecret()
    {
        using var data = new EmbeddedDataFolder();
        var start = new ProcessStartInfo(HyokCli.Dotnet);
        start.ArgumentList.Add(HyokCli.Dll);
        start.ArgumentList.Add("kms");
        start.ArgumentList.Add("serve");
        data.Cli.With("Hyok__Kms__Listen", "127.0.0.1:0").ApplyEnvironment(start);
        await using var server = ChildProcess.Start(start);

        string line = await server.WaitForLineAsync(l => l.StartsWith("Hyok KMS emulator is listening on http://127.0.0.1:", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await server.WaitForLineAsync(l => l.StartsWith("Press Ctrl+C", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        string folder = Path.Combine(data.Root, "kms");
        foreach (var file in new[] { "kms.db", "kms-master.key", "kms-credentials.json" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, file)));
        }

        var credential = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "kms-credentials.json")))!["Credentials"]![0]!;
        Assert.Contains("region us-east-1, account 111122223333", line, StringComparison.Ordinal);
        Assert.Contains(credential["AccessKeyId"]!.GetValue<string>(), server.Output, StringComparison.Ordinal);
        Assert.Contains("aws kms create-key --description demo --endpoint-url http://127.0.0.1:", server.Output, StringComparison.Ordinal);
        Assert.Contains("XKS trust      system roots (no CA bundle", server.Output, StringComparison.Ordinal);
        Assert.Contains("250 ms timeout, KmsHealthCheck every 60 s", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(credential["SecretAccessKey"]!.GetValue<string>(), server.Output, StringComparison.Ordinal);
        Assert.True(await server.InterruptAsync(TimeSpan.FromSeconds(15)), server.Output);
    }

    [Fact]
    public async Task KmsServe_InvalidConfiguration_ListsEveryProblemAndExits1()
    {
        using var data = new EmbeddedDataFolder();
        string config = data.Scratch("kms.json");
        await File.WriteAllTextAsync(config, """{"Hyok":{"Kms":{"Region":"Mars","AccountId":"12","Listen":"nowhere"}}}""");

        var result = await data.Cli.RunAsync("kms", "serve", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has 3 problem(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Hyok:Kms:Region: 'Mars'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Hyok:Kms:AccountId must be 12 digits.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Hyok:Kms:Listen: 'nowhere'", result.Stderr, StringComparison.Ordinal);
        CliAssert.NoStackTrace(result);
    }
}
