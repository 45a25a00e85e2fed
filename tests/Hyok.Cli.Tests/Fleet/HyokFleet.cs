using System.Globalization;
using Hyok.Cli.Tests.Support;

namespace Hyok.Cli.Tests.Fleet;

/// <summary>
/// A fleet on one machine, as docs/deployment.md deploys it: <see cref="Size"/> <c>hyok serve</c> processes, started in
/// parallel on ONE data folder (configuration, certificate, master key) with their state and audit trail in a shared
/// PostgreSQL database (<see cref="FleetDatabase"/>: the data folder's SQLite store imported into a fresh database of a
/// test cluster), each with its own <c>Hyok:Storage:InstanceId</c> (its chain in <c>audit_records</c>) on its own free
/// port, behind a <see cref="HaproxyServer"/> that checks their ping route.
/// The instances are killed on dispose, and by a <see cref="DetachedWatchdog"/> if the test process dies first.
/// </summary>
internal sealed partial class HyokFleet : IAsyncDisposable
{
    public const int Size = 3;
    public const string PingPath = "/ping";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http;

    private HyokFleet(EmbeddedDataFolder data, FleetDatabase database, IReadOnlyList<FleetInstance> instances, HaproxyServer balancer)
    {
        Data = data;
        Database = database;
        Cli = database.Apply(data.Cli);
        Instances = instances;
        Balancer = balancer;
        _http = PinnedClient(data.CertificateFile);
    }

    public EmbeddedDataFolder Data { get; }

    /// <summary>The shared state and audit trail.</summary>
    public FleetDatabase Database { get; }

    /// <summary><c>hyok</c> on the data folder with the fleet's storage settings: its commands change what every instance serves.</summary>
    public HyokCli Cli { get; }

    public IReadOnlyList<FleetInstance> Instances { get; }

    public HaproxyServer Balancer { get; }

    /// <summary>
    /// Imports <paramref name="data"/>'s store into a new database of <paramref name="cluster"/> (default: the shared test
    /// cluster), starts the instances on it, then HAProxy in front of them, and waits until HAProxy has every instance UP.
    /// </summary>
    public static async Task<HyokFleet> StartAsync(EmbeddedDataFolder data, PostgresServer? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var database = await FleetDatabase.CreateAsync(data, cluster ?? PostgresServer.Shared);
        string pids = Directory.CreateDirectory(data.Scratch("fleet-pids")).FullName;
        DetachedWatchdog.Start(pids, $"for f in '{pids}'/*.pid; do kill -KILL \"$(cat \"$f\")\" 2>/dev/null; done");
        var processes = Enumerable.Range(0, Size).Select(i => StartInstance(data, i, database)).ToList();
        for (int i = 0; i < Size; i++)
        {
            File.WriteAllText(Path.Combine(pids, $"{HaproxyServer.ServerName(i)}.pid"), processes[i].Id.ToString(CultureInfo.InvariantCulture));
        }

        try
        {
            var lines = await Task.WhenAll(processes.Select(p => p.WaitForLineAsync(l => ListeningLine().IsMatch(l), StartTimeout)));
            var instances = processes.Select((p, i) => new FleetInstance(p, Port(lines[i]), FleetDatabase.InstanceId(i), database)).ToList();
            var balancer = await HaproxyServer.StartAsync(instances.Select(i => i.Port).ToList(), PingPath);
            try
            {
                await balancer.WaitForAllUpAsync(StartTimeout);
            }
            catch
            {
                await balancer.DisposeAsync();
                throw;
            }

            return new HyokFleet(data, database, instances, balancer);
        }
        catch
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            Directory.Delete(pids, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Balancer.DisposeAsync();
        foreach (var instance in Instances)
        {
            await instance.Process.DisposeAsync();
        }

        Directory.Delete(Data.Scratch("fleet-pids"), recursive: true);
    }
}
