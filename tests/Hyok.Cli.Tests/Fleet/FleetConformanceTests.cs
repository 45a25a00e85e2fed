using Hyok.Cli.Tests.Conformance;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// The conformance suite (<c>hyok test --all</c>, as a separate process) against three instances on PostgreSQL behind
/// HAProxy in TCP mode: every check passes through the load balancer, the requests really reach all three instances, and
/// <c>hyok audit verify</c> finds every instance's chain in the database intact.
/// HAProxy balances connections, not requests, and one run sends most of its requests on one connection (its TLS
/// checks open a few more): the suite runs again, each time a new process and connections, until every instance has
/// served requests of a passing run (at most <see cref="MaxRuns"/> runs).
/// </summary>
[Collection(FleetGroup.Name)]
public sealed class FleetConformanceTests
{
    private const int MaxRuns = HyokFleet.Size + 1;

    [Fact]
    public async Task Test_ThroughLoadBalancerWithAllChecks_EveryCheckPassesAndEveryInstanceServes()
    {
        using var data = new EmbeddedDataFolder();
        await TestCommandTests.CreateSpecialKeysAsync(data);
        await using var fleet = await HyokFleet.StartAsync(data);

        for (int run = 1; run <= MaxRuns && !await fleet.EveryInstanceRecordedAsync(); run++)
        {
            var result = await data.Cli.RunAsync(["test", .. TestCommandTests.Target(data, fleet.Balancer.Port), .. TestCommandTests.SpecialKeys, "--all"]);

            CliAssert.Succeeded(result);
            Assert.Matches(@"(?m)^(\d+) checks: \1 passed, 0 failed, 0 skipped", result.Stdout);
            Assert.DoesNotContain(data.DefaultCredential.Secret, result.Stdout, StringComparison.Ordinal);
        }

        var states = await fleet.Balancer.StatesAsync();
        for (int i = 0; i < HyokFleet.Size; i++)
        {
            Assert.True((await fleet.Instances[i].AuditedRequestIdsAsync()).Count > 0, $"instance {i + 1} recorded no request in {MaxRuns} runs; HAProxy: {string.Join("; ", states)}");
        }

        await fleet.AssertAuditTrailVerifiesAsync();
        var banner = fleet.Instances[1].Process.Output;
        Assert.Contains("Storage: PostgreSQL 127.0.0.1:", banner, StringComparison.Ordinal);
        Assert.Contains("instance 'fleet-1' (hyok fleet status)", banner, StringComparison.Ordinal);
        Assert.Contains("Audit trail: this instance's chain in PostgreSQL audit_records", banner, StringComparison.Ordinal);
        Assert.Contains("Policy               none in the database (hyok policy push", banner, StringComparison.Ordinal);
    }
}
