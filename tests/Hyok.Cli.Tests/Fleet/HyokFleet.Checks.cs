using System.Text.Json.Nodes;
using Hyok.Cli.Tests.Support;
using Hyok.Client;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>What the fleet reports about itself: its audit trail in the database, its health answer.</summary>
internal sealed partial class HyokFleet
{
    /// <summary>The <c>kmsRequestId</c> of every record committed by any instance (killed ones included).</summary>
    public async Task<HashSet<string>> AuditedRequestIdsAsync()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in Instances)
        {
            ids.UnionWith(await instance.AuditedRequestIdsAsync());
        }

        return ids;
    }

    /// <summary>Whether every instance has committed at least one record (the balancer has sent each of them requests).</summary>
    public async Task<bool> EveryInstanceRecordedAsync()
    {
        foreach (var instance in Instances)
        {
            if ((await instance.AuditedRequestIdsAsync()).Count == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>hyok audit verify --config</c> (a process, with the fleet's storage settings) over the fleet's trail in the
    /// database: exit 0, every instance's chain intact and named.
    /// </summary>
    public async Task<CliResult> AssertAuditTrailVerifiesAsync()
    {
        var result = await Cli.RunAsync("audit", "verify", "--config", Data.ConfigFile);
        Assert.True(result.ExitCode == 0, $"hyok audit verify on the fleet's trail:\n{result}");
        Assert.All(Instances, instance => Assert.Contains($"OK: instance '{instance.InstanceId}': ", result.Stdout, StringComparison.Ordinal));
        Assert.Contains($" in {Size} instance chain(s) in 127.0.0.1:{Database.Database.Port}/{Database.Database.Name} ", result.Stdout, StringComparison.Ordinal);
        return result;
    }

    /// <summary>The <c>xksProxyFleetSize</c> of a GetHealthStatus answered through <paramref name="client"/>.</summary>
    public static async Task<int> FleetSizeAsync(XksClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.SendAsync("health", LiveCalls.HealthBody()(), default);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 200, $"GetHealthStatus: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["xksProxyFleetSize"]!.GetValue<int>();
    }
}
