using Hyok.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// One of three instances on PostgreSQL behind HAProxy dies (SIGKILL, as in a crash or an OOM kill) under steady load:
/// HAProxy's health checks mark it DOWN, the other two serve everything after that, the only requests that fail are those
/// the dead instance was answering at the kill, the survivors' health answer counts two instances once its heartbeats
/// stop, every answered request (the dead instance's too) has its record in the database, and <c>hyok audit verify</c>
/// passes on the fleet's trail.
/// </summary>
[Collection(FleetGroup.Name)]
public sealed class FleetFailoverTests(ITestOutputHelper output)
{
    private const int Workers = 4;
    private const int Victim = 0;
    private const int Survivor = 1;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Encrypt_OneInstanceKilledUnderLoad_OnlyRequestsInFlightAtTheKillFailAndTheFleetShrinks()
    {
        using var data = new EmbeddedDataFolder();
        await using var fleet = await HyokFleet.StartAsync(data);
        Assert.True(await Eventually.WithinAsync(Patience, async () => await HyokFleet.FleetSizeAsync(fleet.Client(Survivor)) == HyokFleet.Size),
            $"xksProxyFleetSize never reached {HyokFleet.Size}");
        await using var load = new SteadyLoad(fleet.Client(), Workers);
        Assert.True(
            await Eventually.WithinAsync(Patience, async () => load.Outcomes.Count(o => o.Succeeded) >= 200 && await fleet.EveryInstanceRecordedAsync()),
            $"the load did not reach every instance: {load.Outcomes.Count} requests, HAProxy: {string.Join("; ", await fleet.Balancer.StatesAsync())}");

        var killedAt = load.Clock.Elapsed;
        Assert.True(fleet.Instances[Victim].Process.Kill(TimeSpan.FromSeconds(10)), "the instance did not die on SIGKILL");
        var deadAt = load.Clock.Elapsed;
        bool shrank = await Eventually.WithinAsync(Patience, async () => await HyokFleet.FleetSizeAsync(fleet.Client(Survivor)) == HyokFleet.Size - 1);
        var shrunkAt = load.Clock.Elapsed;
        await fleet.Balancer.WaitForDownAsync(Victim, Patience);
        var downAt = load.Clock.Elapsed;
        Assert.True(
            await Eventually.WithinAsync(Patience, () => load.Outcomes.Count(o => o.Start > downAt) >= 200),
            $"only {load.Outcomes.Count(o => o.Start > downAt)} requests after the instance went DOWN");
        var outcomes = await load.StopAsync();

        var failures = outcomes.Where(o => !o.Succeeded).ToList();
        var summary = $"kill at {killedAt.TotalMilliseconds:F0}-{deadAt.TotalMilliseconds:F0} ms, fleet size {HyokFleet.Size - 1} seen at {shrunkAt.TotalMilliseconds:F0} ms, " +
            $"DOWN seen at {downAt.TotalMilliseconds:F0} ms, {outcomes.Count} requests, {failures.Count} failed: {string.Join("; ", failures.Take(10))}\nHAProxy:\n{fleet.Balancer.Output}";
        output.WriteLine(summary);
        Assert.True(shrank, $"xksProxyFleetSize still counts the killed instance {Patience} after the kill: " + summary);
        Assert.True(failures.All(f => f.InFlightDuring(killedAt, deadAt)), "a request that was not in flight at the kill failed: " + summary);
        Assert.True(failures.Count <= Workers, summary);
        var afterDown = outcomes.Where(o => o.Start > downAt).ToList();
        Assert.True(afterDown.All(o => o.Succeeded), summary);

        // Answered means recorded: by whichever instance answered (the killed one's chain is in the database too), and the
        // two survivors served everything after the kill.
        var recorded = await fleet.AuditedRequestIdsAsync();
        var unrecorded = outcomes.Where(o => o.Succeeded && !recorded.Contains(o.RequestId)).ToList();
        Assert.True(unrecorded.Count == 0, $"{unrecorded.Count} answered requests have no audit record: {string.Join("; ", unrecorded.Take(10))}");
        var survivors = new List<HashSet<string>>();
        foreach (var instance in fleet.Instances.Where((_, i) => i != Victim))
        {
            survivors.Add(await instance.AuditedRequestIdsAsync());
        }

        Assert.All(afterDown, o => Assert.True(survivors.Any(s => s.Contains(o.RequestId)), $"{o.RequestId} answered after DOWN but in no survivor's chain"));
        Assert.All(survivors, s => Assert.Contains(afterDown, o => s.Contains(o.RequestId)));
        output.WriteLine((await fleet.AssertAuditTrailVerifiesAsync()).Stdout);
    }
}
