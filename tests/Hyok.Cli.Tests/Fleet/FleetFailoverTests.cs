using Hyok.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// One of three instances behind HAProxy dies (SIGKILL, as in a crash or an OOM kill) under steady load: HAProxy's health
/// checks mark it DOWN, the other two serve everything after that, and the only requests that fail are those the dead
/// instance was answering at the kill.
/// </summary>
[Collection(FleetGroup.Name)]
public sealed class FleetFailoverTests(ITestOutputHelper output)
{
    private const int Workers = 4;
    private const int Victim = 0;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Encrypt_OneInstanceKilledUnderLoad_OnlyRequestsInFlightAtTheKillFail()
    {
        using var data = new EmbeddedDataFolder();
        await using var fleet = await HyokFleet.StartAsync(data);
        await using var load = new SteadyLoad(fleet.Client(), Workers);
        Assert.True(
            await Eventually.WithinAsync(Patience, () => load.Outcomes.Count(o => o.Succeeded) >= 200 && fleet.Instances.All(i => i.AuditedRequestIds().Count > 0)),
            $"the load did not reach every instance: {load.Outcomes.Count} requests, HAProxy: {string.Join("; ", await fleet.Balancer.StatesAsync())}");

        var killedAt = load.Clock.Elapsed;
        Assert.True(fleet.Instances[Victim].Process.Kill(TimeSpan.FromSeconds(10)), "the instance did not die on SIGKILL");
        var deadAt = load.Clock.Elapsed;
        await fleet.Balancer.WaitForDownAsync(Victim, Patience);
        var downAt = load.Clock.Elapsed;
        Assert.True(
            await Eventually.WithinAsync(Patience, () => load.Outcomes.Count(o => o.Start > downAt) >= 200),
            $"only {load.Outcomes.Count(o => o.Start > downAt)} requests after the instance went DOWN");
        var outcomes = await load.StopAsync();

        var failures = outcomes.Where(o => !o.Succeeded).ToList();
        var summary = $"kill at {killedAt.TotalMilliseconds:F0}-{deadAt.TotalMilliseconds:F0} ms, DOWN seen at {downAt.TotalMilliseconds:F0} ms, {outcomes.Count} requests, " +
            $"{failures.Count} failed: {string.Join("; ", failures.Take(10))}\nHAProxy:\n{fleet.Balancer.Output}";
        output.WriteLine(summary);
        Assert.True(failures.All(f => f.InFlightDuring(killedAt, deadAt)), "a request that was not in flight at the kill failed: " + summary);
        Assert.True(failures.Count <= Workers, summary);
        var afterDown = outcomes.Where(o => o.Start > downAt).ToList();
        Assert.True(afterDown.All(o => o.Succeeded), summary);

        // Answered means recorded, by one of the two survivors, and both served.
        var survivors = fleet.Instances.Where((_, i) => i != Victim).Select(i => i.AuditedRequestIds()).ToList();
        Assert.All(afterDown, o => Assert.True(survivors.Any(s => s.Contains(o.RequestId)), $"{o.RequestId} answered but in no survivor's audit trail"));
        Assert.All(survivors, s => Assert.Contains(afterDown, o => s.Contains(o.RequestId)));
    }
}
