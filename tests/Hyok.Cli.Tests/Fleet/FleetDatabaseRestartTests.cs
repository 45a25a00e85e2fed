using Hyok.Cli.Tests.Support;
using Xunit.Abstractions;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// The fleet's PostgreSQL restarted (<c>pg_ctl restart -m fast</c> with a pause: sessions ended, nothing listening for a
/// while) under steady load through HAProxy (issue 8, "What it must show"): during the outage requests fail closed with a
/// spec error (xks-spec.md §§4.9, 14.6: InternalException or DependencyTimeoutException, never an answer without its
/// record, never a hang past the deadline), afterwards every instance serves again without a restart, every answered
/// request has its record, and <c>hyok audit verify</c> passes on the fleet's trail.
/// The cluster is the test's own: the other test classes of this process share <see cref="PostgresServer.Shared"/>.
/// </summary>
[Collection(FleetGroup.Name)]
public sealed class FleetDatabaseRestartTests(ITestOutputHelper output)
{
    private const int Workers = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The request deadline HyokCli gives every instance (10 s), plus slack for a loaded machine.</summary>
    private static readonly TimeSpan LongestAnswer = TimeSpan.FromSeconds(12);

    private static readonly string[] OutageErrors = ["InternalException", "DependencyTimeoutException"];

    [Fact]
    public async Task Encrypt_DatabaseRestartedUnderLoad_FailsClosedWithSpecErrorsThenServesAgainAndEveryAnswerIsRecorded()
    {
        using var cluster = PostgresServer.StartPrivate();
        using var data = new EmbeddedDataFolder();
        await using var fleet = await HyokFleet.StartAsync(data, cluster);
        await using var load = new SteadyLoad(fleet.Client(), Workers);
        Assert.True(
            await Eventually.WithinAsync(Patience, async () => load.Outcomes.Count(o => o.Succeeded) >= 100 && await fleet.EveryInstanceRecordedAsync()),
            $"the load did not reach every instance: {load.Outcomes.Count} requests, HAProxy: {string.Join("; ", await fleet.Balancer.StatesAsync())}");

        var restartAt = load.Clock.Elapsed;
        await cluster.RestartAsync();
        var upAt = load.Clock.Elapsed;
        bool recovered = await Eventually.WithinAsync(Patience, async () => await EveryInstanceAnswersAsync(fleet));
        var recoveredAt = load.Clock.Elapsed;
        bool carriedOn = await Eventually.WithinAsync(Patience, () => load.Outcomes.Count(o => o.Start > recoveredAt && o.Succeeded) >= 200);
        var outcomes = await load.StopAsync();

        var failures = outcomes.Where(o => !o.Succeeded).ToList();
        var summary = $"restart {restartAt.TotalMilliseconds:F0}-{upAt.TotalMilliseconds:F0} ms, every instance answering again at {recoveredAt.TotalMilliseconds:F0} ms, " +
            $"{outcomes.Count} requests, {failures.Count} failed ({string.Join(", ", failures.GroupBy(f => f.Detail).Select(g => $"{g.Count()}× {g.Key}"))}), " +
            $"longest {outcomes.Max(o => o.Duration).TotalMilliseconds:F0} ms: {string.Join("; ", failures.Take(10))}";
        output.WriteLine(summary);
        Assert.True(recovered, "an instance still fails after the restart: " + summary);
        Assert.True(carriedOn, "the load did not succeed again after the restart: " + summary);
        Assert.True(failures.Count > 0, "no request failed: the restart was not an outage the fleet saw: " + summary);
        Assert.All(failures, f => Assert.True(f.ErrorName is { } name && OutageErrors.Contains(name), $"{f} is not a spec error of an outage: {summary}"));
        Assert.All(failures, f => Assert.True(f.InFlightDuring(restartAt, recoveredAt), $"{f} failed outside the outage: {summary}"));
        Assert.All(outcomes, o => Assert.True(o.Duration < LongestAnswer, $"{o} took longer than the deadline: {summary}"));

        var recorded = await fleet.AuditedRequestIdsAsync();
        var unrecorded = outcomes.Where(o => o.Succeeded && !recorded.Contains(o.RequestId)).ToList();
        Assert.True(unrecorded.Count == 0, $"{unrecorded.Count} answered requests have no audit record: {string.Join("; ", unrecorded.Take(10))}");
        output.WriteLine((await fleet.AssertAuditTrailVerifiesAsync()).Stdout);
    }

    /// <summary>Whether every instance, called directly, answers an Encrypt with 200 (its audit chain writes again).</summary>
    private static async Task<bool> EveryInstanceAnswersAsync(HyokFleet fleet)
    {
        for (int i = 0; i < HyokFleet.Size; i++)
        {
            using var response = await fleet.Client(i).SendAsync("keys/demo-key/encrypt", LiveCalls.EncryptBody()(), default);
            if ((int)response.StatusCode != 200)
            {
                return false;
            }
        }

        return true;
    }
}
