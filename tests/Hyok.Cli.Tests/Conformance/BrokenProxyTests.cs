using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Conformance;

/// <summary>
/// <c>hyok test</c> against deliberately broken proxies (Hyok behind <see cref="BrokenProxy"/>): it exits 1 and names
/// the checks the breakage violates, in text and JSON alike; everything the breakage leaves alone still passes.
/// </summary>
public sealed class BrokenProxyTests
{
    [Theory]
    [InlineData(Breakage.WrongIntegrityValue, "14a 14b")]
    [InlineData(Breakage.ErrorBodiesNotJson, "2a 2b 3a 3b 4 7a 7b 8 9a 9b 9c 10a 10b 10c 10d 10e 11 12 17a 17b 17c 17d 17e 18b 18c 18d 19b 19c 21 22a 22b 22c 22d")]
    [InlineData(Breakage.HealthIgnoresSignature, "2a 2b 3a 3b 4 5 22a 22b 22c")]
    public async Task Test_BrokenProxy_FailsExactlyTheViolatedChecks(Breakage breakage, string violatedChecks)
    {
        var violated = violatedChecks.Split(' ');
        using var data = new EmbeddedDataFolder();
        await TestCommandTests.CreateSpecialKeysAsync(data);
        await using var hyok = await RunningProxy.StartAsync(data);
        await using var broken = await BrokenProxy.StartAsync(data, hyok, breakage);

        var run = await ConformanceRun.RunAsync(data.Cli, [.. TestCommandTests.Target(data, broken.Port), .. TestCommandTests.SpecialKeys]);

        run.AssertFailed(violated);
        Assert.All(run.TextOutcomes.Where(p => !violated.Contains(p.Key)), p => Assert.True(p.Value != "fail", $"{p.Key} failed too:\n{run.Text}"));
    }
}
